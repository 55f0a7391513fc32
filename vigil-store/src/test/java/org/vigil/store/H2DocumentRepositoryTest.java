package org.vigil.store;

/** The text store's contract on H2. */
class H2DocumentRepositoryTest extends DocumentRepositoryContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.h2();
  }
}
