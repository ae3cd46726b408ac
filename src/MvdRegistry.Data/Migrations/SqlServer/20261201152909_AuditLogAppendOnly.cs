using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.SqlServer
{
    /// <summary>
    /// The database refuses to update or delete audit rows, whatever SQL the application sends.
    /// </summary>
    public partial class AuditLogAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // CREATE TRIGGER must open its batch: EXEC keeps it one in the idempotent script too.
            // TRUNCATE fires no trigger; it needs ALTER on the table, which the application must not hold.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER audit_log_append_only ON audit_log INSTEAD OF UPDATE, DELETE AS
                BEGIN
                    THROW 51000, N''audit_log is append-only: audit rows cannot be changed or deleted'', 1;
                END');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_append_only;");
        }
    }
}
