using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChildRowsByOperationIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_imaging_studies_case_id",
                table: "imaging_studies");

            migrationBuilder.DropIndex(
                name: "IX_followups_case_id",
                table: "followups");

            migrationBuilder.DropIndex(
                name: "IX_complications_case_id",
                table: "complications");

            migrationBuilder.CreateIndex(
                name: "IX_imaging_studies_case_id_imaging_id",
                table: "imaging_studies",
                columns: new[] { "case_id", "imaging_id" });

            migrationBuilder.CreateIndex(
                name: "IX_followups_case_id_followup_id",
                table: "followups",
                columns: new[] { "case_id", "followup_id" });

            migrationBuilder.CreateIndex(
                name: "IX_complications_case_id_complication_id",
                table: "complications",
                columns: new[] { "case_id", "complication_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_imaging_studies_case_id_imaging_id",
                table: "imaging_studies");

            migrationBuilder.DropIndex(
                name: "IX_followups_case_id_followup_id",
                table: "followups");

            migrationBuilder.DropIndex(
                name: "IX_complications_case_id_complication_id",
                table: "complications");

            migrationBuilder.CreateIndex(
                name: "IX_imaging_studies_case_id",
                table: "imaging_studies",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_followups_case_id",
                table: "followups",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_complications_case_id",
                table: "complications",
                column: "case_id");
        }
    }
}
