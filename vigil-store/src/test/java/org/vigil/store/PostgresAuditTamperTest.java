package org.vigil.store;

/** The audit tampering contract on PostgreSQL (embedded). */
class PostgresAuditTamperTest extends AuditTamperContractTest {
  @Override
  StoreFixtures.TestDatabase database() {
    return StoreFixtures.postgres();
  }
}
