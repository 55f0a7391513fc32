package org.vigil.store;

/** The alert repository contract on H2. */
class H2AlertRepositoryTest extends AlertRepositoryContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.h2();
  }
}
