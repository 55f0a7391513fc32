package org.vigil.store;

/** The notification store contract on H2. */
class H2NotifyStoreTest extends NotifyStoreContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.h2();
  }
}
