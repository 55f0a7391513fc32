package org.vigil.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasinTest {
  private static final Monthly TWO = Monthly.of(10, 10);

  private static List<Node> chain() {
    return List.of(
        Node.source("Naryn", TWO),
        Node.reservoir("Toktogul", 100, 10, 50),
        Node.withdrawal("Fergana", "UZB", "irrigation", TWO),
        Node.outlet("Aral"));
  }

  private static List<Link> chainLinks() {
    return List.of(
        Link.of("Naryn", "Toktogul"), Link.of("Toktogul", "Fergana"), Link.of("Fergana", "Aral"));
  }

  @Test
  void constructor_validBasin_keepsNodesLinksAndAgreements() {
    Basin b = new Basin("Syr Darya", chain(), chainLinks(), List.of());

    assertThat(b.withdrawals()).extracting(Node::name).containsExactly("Fergana");
    assertThat(b.reservoirs()).extracting(Node::name).containsExactly("Toktogul");
    assertThat(b.states()).containsExactly("UZB");
  }

  @Test
  void constructor_negativeCapacity_namesNodeFieldAndValue() {
    List<Node> nodes =
        List.of(
            Node.source("Naryn", TWO), Node.reservoir("Toktogul", -5, 0, 0), Node.outlet("Aral"));
    List<Link> links = List.of(Link.of("Naryn", "Toktogul"), Link.of("Toktogul", "Aral"));

    WaterInputException e =
        catchThrowableOfType(
            WaterInputException.class, () -> new Basin("Syr Darya", nodes, links, List.of()));

    assertThat(e.errors()).contains("node 'Toktogul': capacity must be >= 0 and finite, found -5");
  }

  @Test
  void constructor_linkToMissingNode_namesLinkAndNode() {
    List<Link> links =
        List.of(
            Link.of("Naryn", "Toktogul"),
            Link.of("Toktogul", "Fergana"),
            Link.of("Fergana", "Aral"),
            Link.of("Toktogul", "Kairakkum"));

    WaterInputException e =
        catchThrowableOfType(
            WaterInputException.class, () -> new Basin("Syr Darya", chain(), links, List.of()));

    assertThat(e.errors())
        .containsExactly("link 'Toktogul' -> 'Kairakkum': to names a missing node 'Kairakkum'");
  }

  @Test
  void constructor_sharesNotSummingToOne_saysTheSumFound() {
    Agreement shares = new Agreement.Shares(Map.of("UZB", 0.9));

    WaterInputException e =
        catchThrowableOfType(
            WaterInputException.class,
            () -> new Basin("Syr Darya", chain(), chainLinks(), List.of(shares)));

    assertThat(e.errors())
        .singleElement()
        .asString()
        .startsWith("shares: shares must sum to 1 within 1e-6, found 0.9");
  }

  @Test
  void constructor_severalProblems_reportsEveryOne() {
    List<Node> nodes =
        List.of(
            Node.source("Naryn", Monthly.of(10, -1)),
            Node.reservoir("Toktogul", -5, 0, 0),
            Node.withdrawal("Fergana", "Uzbekistan", "irrigation", TWO),
            Node.envFlow("Delta", TWO),
            Node.outlet("Aral"));
    List<Link> links =
        List.of(
            Link.of("Naryn", "Toktogul", 1.5),
            Link.of("Toktogul", "Ferghana"),
            Link.of("Fergana", "Aral"));
    List<Agreement> agreements =
        List.of(
            new Agreement.Shares(Map.of("Uzbekistan", 0.5)),
            new Agreement.MinimumRelease("Kairakkum", TWO));

    WaterInputException e =
        catchThrowableOfType(
            WaterInputException.class, () -> new Basin("Syr Darya", nodes, links, agreements));

    assertThat(e.errors())
        .contains(
            "node 'Naryn': inflow must be >= 0 and finite in every month, found -1 in month 2",
            "node 'Toktogul': capacity must be >= 0 and finite, found -5",
            "node 'Fergana': state must be an ISO 3166-1 alpha-3 code such as UZB, found"
                + " 'Uzbekistan'",
            "link 'Naryn' -> 'Toktogul': loss fraction must lie in [0, 1), found 1.5",
            "link 'Toktogul' -> 'Ferghana': to names a missing node 'Ferghana'",
            "minimum release from 'Kairakkum': reservoir names no reservoir of the basin");
    assertThat(e.errors()).anyMatch(s -> s.startsWith("shares: shares must sum to 1"));
    assertThat(e.getMessage())
        .startsWith("basin 'Syr Darya': " + e.errors().size() + " problem(s)");
  }

  @Test
  void constructor_cycleAndDeadEnd_areNamed() {
    List<Node> nodes =
        List.of(
            Node.source("A", TWO),
            Node.withdrawal("B", "KAZ", "municipal", TWO),
            Node.withdrawal("C", "KAZ", "industry", TWO),
            Node.envFlow("D", TWO),
            Node.outlet("O"));
    List<Link> links =
        List.of(Link.of("A", "B"), Link.of("B", "C"), Link.of("C", "B"), Link.of("C", "O"));

    WaterInputException e =
        catchThrowableOfType(
            WaterInputException.class, () -> new Basin("x", nodes, links, List.of()));

    assertThat(e.errors())
        .containsExactlyInAnyOrder(
            "node 'D': has no outgoing link; every node except an outlet must drain to another node",
            "links: the network has a cycle 'B' -> 'C' -> 'B'; water must flow downstream only");
  }

  @Test
  void constructor_reservoirInitialBelowMinimum_isRejected() {
    List<Node> nodes =
        List.of(Node.source("S", TWO), Node.reservoir("R", 100, 20, 10), Node.outlet("O"));

    assertThatThrownBy(
            () -> new Basin("x", nodes, List.of(Link.of("S", "R"), Link.of("R", "O")), List.of()))
        .isInstanceOf(WaterInputException.class)
        .hasMessageContaining(
            "node 'R': initial storage must lie between minimum storage 20 and capacity 100, found 10");
  }

  @Test
  void withInflows_replacesSourceSeries_andRejectsUnknownSource() {
    Basin b = new Basin("Syr Darya", chain(), chainLinks(), List.of());

    Basin dry = b.withInflows(Map.of("Naryn", Monthly.of(3, 4)));

    assertThat(((Node.Source) dry.node("Naryn").orElseThrow()).inflow())
        .isEqualTo(Monthly.of(3, 4));
    assertThatThrownBy(() -> b.withInflows(Map.of("Fergana", TWO)))
        .hasMessageContaining("inflow given for 'Fergana', which is not a source");
  }
}
