package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Classification;
import org.vigil.model.Ownership;
import org.vigil.model.run.AnalyticResult;

class PublishedViewsTest {
  private static List<AnalyticResult> rows(int n) {
    List<AnalyticResult> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new AnalyticResult(
              1,
              "RISK",
              "S" + i,
              "KAZ",
              "",
              "2026-01",
              0,
              "{}",
              Ownership.of("KAZ-SC", Classification.PUBLIC)));
    }
    return out;
  }

  private static PublishedViews.Key key(long run) {
    return new PublishedViews.Key("RISK", run, List.of("2026-01"));
  }

  @Test
  void put_pastCapacity_dropsTheLeastRecentlyReadViews() {
    PublishedViews views = new PublishedViews(10);
    views.put(key(1), rows(4));
    views.put(key(2), rows(4));
    assertThat(views.get(key(1))).hasSize(4);
    views.put(key(3), rows(4));

    assertThat(views.get(key(2))).as("least recently read").isNull();
    assertThat(views.get(key(1))).hasSize(4);
    assertThat(views.get(key(3))).hasSize(4);
    assertThat(views.held()).isEqualTo(8);
  }

  @Test
  void put_viewLargerThanCapacity_isNotKept() {
    PublishedViews views = new PublishedViews(10);
    views.put(key(1), rows(11));
    assertThat(views.get(key(1))).isNull();
    assertThat(views.held()).isZero();
  }
}
