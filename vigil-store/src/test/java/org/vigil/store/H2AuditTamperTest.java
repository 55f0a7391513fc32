package org.vigil.store;

/** The audit tampering contract on H2. */
class H2AuditTamperTest extends AuditTamperContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.h2();
  }
}
