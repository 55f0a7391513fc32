package org.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the {@code ./vigil} command line. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    version = "Vigil 0.1.0",
    description = "Forecasting, information and analytical system for security councils.")
public final class VigilCommand implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new VigilCommand()).execute(args));
  }
}
