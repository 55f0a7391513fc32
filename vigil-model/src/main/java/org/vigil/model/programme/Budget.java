package org.vigil.model.programme;

/**
 * A measure's budget when the programme gives one.
 *
 * @param amount the amount, NaN when not given
 * @param currency ISO 4217 code, empty when not given
 * @param note how the budget is provided ("within the parties' own budgets"), or empty
 */
public record Budget(double amount, String currency, String note) {
  /** No budget given. */
  public static final Budget NOT_GIVEN = new Budget(Double.NaN, "", "");

  public Budget {
    currency = Validation.orEmpty(currency);
    note = Validation.orEmpty(note);
    if (!Double.isNaN(amount) && (amount < 0 || Double.isInfinite(amount))) {
      throw new IllegalArgumentException("Budget amount must be >= 0 and finite, found " + amount);
    }
    if (!Double.isNaN(amount) && !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "Budget with an amount needs a 3-letter ISO 4217 currency, found '" + currency + "'");
    }
  }

  public static Budget of(double amount, String currency) {
    return new Budget(amount, currency, "");
  }

  /** True when an amount is given. */
  public boolean given() {
    return !Double.isNaN(amount);
  }
}
