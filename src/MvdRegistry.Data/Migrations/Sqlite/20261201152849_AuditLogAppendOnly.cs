using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.Sqlite
{
    /// <summary>
    /// The database refuses to change, delete or replace audit rows, whatever SQL the application sends.
    /// </summary>
    public partial class AuditLogAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN
                    SELECT RAISE(ABORT, 'audit_log is append-only: audit rows cannot be changed');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN
                    SELECT RAISE(ABORT, 'audit_log is append-only: audit rows cannot be deleted');
                END;
                """);
            // REPLACE INTO (INSERT OR REPLACE) deletes the row whose id it collides with, and with
            // recursive_triggers off that implicit delete fires no delete trigger: refuse the insert.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
                WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
                BEGIN
                    SELECT RAISE(ABORT, 'audit_log is append-only: audit rows cannot be replaced');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_no_replace;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_no_update;");
        }
    }
}
