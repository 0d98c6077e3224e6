import GRDB

extension LedgerDatabase {
    /// The schema, as named append-only migrations. Never edit a shipped migration: add a new one.
    /// Written with table and column names as strings, never app types, so later code changes cannot alter
    /// what an old migration does.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs-resources-events-lock") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("command", .text).notNull()
                t.column("arguments", .text).notNull()  // JSON array of strings
                t.column("operatorArn", .text)
                t.column("host", .text).notNull()
                t.column("pid", .integer).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("endedAt", .datetime)
                t.column("outcome", .text).notNull()
                    .check(sql: "outcome IN ('running', 'succeeded', 'failed', 'interrupted')")
                t.column("message", .text)
            }
            try db.create(table: "resource") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("run").notNull()
                t.column("stage", .text).notNull()
                t.column("account", .text).notNull()
                t.column("region", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("physicalId", .text)
                t.column("logicalId", .text)
                t.column("stack", .text)
                t.belongsTo("parent", inTable: "resource")
                t.column("project", .text)
                t.column("ownership", .text).notNull().check(sql: "ownership IN ('created', 'adopted')")
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('planned', 'present', 'failed', 'deleting', 'deleted', 'retained')")
                t.column("detail", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            // One row per real resource across runs. SQLite lets several NULL physicalIds coexist, which is
            // what a not-yet-created resource with an AWS-assigned id needs.
            try db.create(
                index: "resource_on_account_region_kind_physicalId", on: "resource",
                columns: ["account", "region", "kind", "physicalId"], unique: true)
            try db.create(index: "resource_on_stage_status", on: "resource", columns: ["stage", "status"])
            try db.create(table: "stackEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("run").notNull()
                t.column("stage", .text).notNull()
                t.column("account", .text).notNull()
                t.column("region", .text).notNull()
                t.column("stackName", .text).notNull()
                t.column("eventId", .text).notNull().unique()
                t.column("timestamp", .datetime).notNull()
                t.column("logicalId", .text).notNull()
                t.column("resourceType", .text).notNull()
                t.column("status", .text).notNull()
                t.column("reason", .text)
            }
            try db.create(table: "lock") { t in
                t.primaryKey("id", .integer).check(sql: "id = 1")
                t.belongsTo("run").notNull()
                t.column("command", .text).notNull()
                t.column("who", .text).notNull()
                t.column("pid", .integer).notNull()
                t.column("host", .text).notNull()
                t.column("since", .datetime).notNull()
            }
        }
        migrator.registerMigration("v2-stack-sets-and-instances") { db in
            // Organization scale: tens of stack sets, up to tens of thousands of instances. Both tables are keyed by
            // what names the thing in AWS, WITHOUT ROWID so a stack set's instances lie together in (account, region)
            // order: listing one stack set is a range read of the primary key.
            try db.create(table: "stackSet", options: [.withoutRowID]) { t in
                t.column("adminAccount", .text).notNull()
                t.column("region", .text).notNull()
                t.column("name", .text).notNull()
                t.column("stage", .text).notNull()
                t.column("stackSetId", .text)
                t.column("permissionModel", .text).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('active', 'deleting', 'deleted')")
                t.belongsTo("run").notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.primaryKey(["adminAccount", "region", "name"])
            }
            try db.create(table: "stackInstance", options: [.withoutRowID]) { t in
                t.column("adminAccount", .text).notNull()
                t.column("stackSetRegion", .text).notNull()
                t.column("stackSetName", .text).notNull()
                t.column("account", .text).notNull()
                t.column("region", .text).notNull()
                // CloudFormation's words (plus DELETED), unchecked so a status AWS adds later needs no migration.
                t.column("status", .text).notNull()
                t.column("detailedStatus", .text)
                t.column("statusReason", .text)
                t.column("organizationalUnitId", .text)
                t.belongsTo("run").notNull()
                t.column("updatedAt", .datetime).notNull()
                t.primaryKey(["adminAccount", "stackSetRegion", "stackSetName", "account", "region"])
                t.foreignKey(["adminAccount", "stackSetRegion", "stackSetName"], references: "stackSet", columns: ["adminAccount", "region", "name"])
            }
            // Per-stack-set counts by status (the summaries' GROUP BY reads only this index) and status filters.
            try db.create(
                index: "stackInstance_on_stackSet_status_detailedStatus", on: "stackInstance",
                columns: ["adminAccount", "stackSetRegion", "stackSetName", "status", "detailedStatus"])
            // Only the failed instances, in listing order: a failed listing reads them and nothing else. Queries must
            // repeat this WHERE text to use it (LedgerDatabase.failedInstanceCondition).
            try db.execute(
                sql: "CREATE INDEX stackInstance_failed ON stackInstance(adminAccount, stackSetRegion, stackSetName, account, region) "
                    + "WHERE status = 'INOPERABLE' OR detailedStatus IN ('FAILED', 'CANCELLED')")
            // The retained resources of member accounts live in `resource`; teardown lists them by account.
            // (resource_on_account_region_kind_physicalId serves that; resource_on_stage_status serves "by stage".)
        }
        migrator.registerMigration("v3-resource-statuses-handed-over-and-deleted-out-of-band") { db in
            // SQLite cannot change a CHECK in place: the table is rebuilt under the same name, rows and ids kept
            // (GRDB defers foreign-key checks to the end of the migration, and checks them then).
            try db.create(table: "resource_v3") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("run").notNull()
                t.column("stage", .text).notNull()
                t.column("account", .text).notNull()
                t.column("region", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("physicalId", .text)
                t.column("logicalId", .text)
                t.column("stack", .text)
                t.belongsTo("parent", inTable: "resource")
                t.column("project", .text)
                t.column("ownership", .text).notNull().check(sql: "ownership IN ('created', 'adopted')")
                t.column("status", .text).notNull().check(
                    sql: "status IN ('planned', 'present', 'failed', 'deleting', 'deleted', 'retained', 'handedOver', 'deletedOutOfBand')")
                t.column("detail", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            let columns = "id, runId, stage, account, region, kind, physicalId, logicalId, stack, parentId, project, ownership, status, detail, createdAt, updatedAt"
            try db.execute(sql: "INSERT INTO resource_v3 (\(columns)) SELECT \(columns) FROM resource")
            try db.drop(table: "resource")
            try db.rename(table: "resource_v3", to: "resource")
            try db.create(
                index: "resource_on_account_region_kind_physicalId", on: "resource",
                columns: ["account", "region", "kind", "physicalId"], unique: true)
            try db.create(index: "resource_on_stage_status", on: "resource", columns: ["stage", "status"])
        }
        migrator.registerMigration("v4-stack-intent") { db in
            // What mlopsctl last deployed a stack with (its tags, template and parameters), so refresh can tell a
            // change made by hand from what mlopsctl meant. One row per stack row; gone with it.
            try db.create(table: "stackIntent") { t in
                t.primaryKey("resourceId", .integer).references("resource", onDelete: .cascade)
                t.column("tags", .text).notNull()
                t.column("templateSha256", .text)
                t.column("parameters", .text)
                t.belongsTo("run").notNull()
                t.column("recordedAt", .datetime).notNull()
            }
        }
        return migrator
    }

    /// Refuses a file migrated by a newer mlopsctl (it may hold columns this binary would ignore or
    /// mis-write), then applies what is missing.
    static func migrate(_ writer: DatabaseQueue, path: String?) throws {
        let migrator = Self.migrator
        let unknown = try writer.read { db in
            try migrator.hasBeenSuperseded(db) ? migrator.appliedIdentifiers(db).subtracting(migrator.migrations) : []
        }
        if !unknown.isEmpty {
            throw LedgerError.newerSchema(path: path ?? ":memory:", unknownMigrations: unknown.sorted())
        }
        try migrator.migrate(writer)
    }

    /// The migrations applied to this ledger, in order.
    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in try Self.migrator.appliedMigrations(db) }
    }
}
