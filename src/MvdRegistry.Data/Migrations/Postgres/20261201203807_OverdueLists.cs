using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OverdueLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "overdue_follow_ups",
                columns: table => new
                {
                    case_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    site_code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    patient_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    surgeon_code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    surgery_date = table.Column<DateOnly>(type: "date", nullable: false),
                    first_missed_day = table.Column<int>(type: "integer", nullable: false),
                    latest_missed_day = table.Column<int>(type: "integer", nullable: false),
                    latest_missed_date = table.Column<DateOnly>(type: "date", nullable: false),
                    last_seen = table.Column<DateOnly>(type: "date", nullable: false),
                    seen_at_visit = table.Column<bool>(type: "boolean", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdue_follow_ups", x => x.case_id);
                    table.ForeignKey(
                        name: "FK_overdue_follow_ups_operations_case_id",
                        column: x => x.case_id,
                        principalTable: "operations",
                        principalColumn: "case_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "overdue_lists",
                columns: table => new
                {
                    site_code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    computed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    run_id = table.Column<long>(type: "bigint", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdue_lists", x => x.site_code);
                    table.ForeignKey(
                        name: "FK_overdue_lists_sites_site_code",
                        column: x => x.site_code,
                        principalTable: "sites",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_overdue_follow_ups_site_code_latest_missed_date",
                table: "overdue_follow_ups",
                columns: new[] { "site_code", "latest_missed_date" });

            migrationBuilder.CreateIndex(
                name: "IX_overdue_follow_ups_surgeon_code_latest_missed_date",
                table: "overdue_follow_ups",
                columns: new[] { "surgeon_code", "latest_missed_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "overdue_follow_ups");

            migrationBuilder.DropTable(
                name: "overdue_lists");
        }
    }
}
