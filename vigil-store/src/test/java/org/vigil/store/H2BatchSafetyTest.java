package org.vigil.store;

/** Batch crash safety on H2. */
class H2BatchSafetyTest extends BatchSafetyContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.h2();
  }
}
