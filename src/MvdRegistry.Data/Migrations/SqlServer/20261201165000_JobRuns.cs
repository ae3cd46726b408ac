using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class JobRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    row_version = table.Column<int>(type: "int", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    parameters = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    requested_by = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    progress_percent = table.Column<int>(type: "int", nullable: false),
                    progress_text = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    queued_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    started_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    finished_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    rows = table.Column<int>(type: "int", nullable: true),
                    output = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    error = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    hangfire_job_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_job_runs_requested_by_queued_at",
                table: "job_runs",
                columns: new[] { "requested_by", "queued_at" });

            migrationBuilder.CreateIndex(
                name: "IX_job_runs_status",
                table: "job_runs",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_runs");
        }
    }
}
