using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditLogDeletesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_audit_log_deletes",
                table: "audit_log",
                columns: new[] { "entity", "record_key" },
                filter: "action = 3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_log_deletes",
                table: "audit_log");
        }
    }
}
