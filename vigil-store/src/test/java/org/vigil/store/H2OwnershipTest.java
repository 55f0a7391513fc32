package org.vigil.store;

/** Ownership rules on H2. */
class H2OwnershipTest extends OwnershipContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.h2();
  }
}
