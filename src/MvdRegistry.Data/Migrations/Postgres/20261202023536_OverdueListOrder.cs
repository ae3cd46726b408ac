using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OverdueListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_overdue_follow_ups_site_code_surgery_date_case_id",
                table: "overdue_follow_ups",
                columns: new[] { "site_code", "surgery_date", "case_id" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_overdue_follow_ups_site_code_surgery_date_case_id",
                table: "overdue_follow_ups");
        }
    }
}
