package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vigil.app.report.ReportFormat;
import org.vigil.model.InvalidInputException;

class ReportCommandTest {

  @Test
  void format_noFormatGiven_followsTheOutputExtension() {
    assertThat(ReportCommand.format("table", Path.of("cis.pdf"))).isEqualTo(ReportFormat.PDF);
    assertThat(ReportCommand.format("table", Path.of("out/kaz.HTML"))).isEqualTo(ReportFormat.HTML);
    assertThat(ReportCommand.format("html", Path.of("x.pdf"))).isEqualTo(ReportFormat.HTML);
    assertThat(ReportCommand.format("table", Path.of("kaz.docx"))).isEqualTo(ReportFormat.DOCX);
    assertThat(ReportCommand.format("docx", Path.of("kaz.bin"))).isEqualTo(ReportFormat.DOCX);
  }

  @Test
  void format_unknownExtensionAndNoFormat_isBadInputNamingTheFix() {
    assertThatThrownBy(() -> ReportCommand.format("table", Path.of("report.odt")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--format pdf, html or docx");
  }

  @Test
  void help_namesEveryFormat() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        VigilCommand.execute(
            new String[] {"report", "--help"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--format pdf|html|docx")
        .contains(".docx")
        .contains("DOCX");
  }

  @Test
  void execute_badLanguage_exitsTwoWithOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VigilCommand.execute(
            new String[] {
              "--db",
              "jdbc:h2:mem:report-cli;DB_CLOSE_DELAY=-1",
              "report",
              "--area",
              "CIS",
              "--lang",
              "de",
              "--out",
              "target/x.pdf"
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).trim())
        .isEqualTo("vigil: Unknown report language 'de': expected en or ru");
  }
}
