using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StatisticsSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "statistics_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    filter_key = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    computed_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    computed_by = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    run_id = table.Column<long>(type: "bigint", nullable: true),
                    fingerprint = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    missing_json = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_snapshots", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_snapshots_filter_key_computed_at",
                table: "statistics_snapshots",
                columns: new[] { "filter_key", "computed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_statistics_snapshots_filter_key_fingerprint",
                table: "statistics_snapshots",
                columns: new[] { "filter_key", "fingerprint" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "statistics_snapshots");
        }
    }
}
