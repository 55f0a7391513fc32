package org.vigil.store;

/** The store contract on H2. */
class H2StoreTest extends StoreContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.h2();
  }
}
