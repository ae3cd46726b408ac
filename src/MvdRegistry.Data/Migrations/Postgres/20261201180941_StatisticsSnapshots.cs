using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MvdRegistry.Data.Migrations.Postgres
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    filter_key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    computed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    run_id = table.Column<long>(type: "bigint", nullable: true),
                    fingerprint = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    json = table.Column<string>(type: "text", nullable: false),
                    missing_json = table.Column<string>(type: "text", nullable: false)
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
