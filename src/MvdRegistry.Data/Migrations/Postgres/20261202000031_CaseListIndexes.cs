using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_operations_patient_id",
                table: "operations");

            migrationBuilder.DropIndex(
                name: "IX_operations_surgery_date",
                table: "operations");

            migrationBuilder.CreateIndex(
                name: "IX_patients_site_code_patient_id",
                table: "patients",
                columns: new[] { "site_code", "patient_id" });

            migrationBuilder.CreateIndex(
                name: "IX_operations_patient_id_case_list",
                table: "operations",
                columns: new[] { "patient_id", "surgeon_code", "indication", "surgery_date", "case_id" });

            migrationBuilder.CreateIndex(
                name: "IX_operations_surgery_date_case_id_patient_id",
                table: "operations",
                columns: new[] { "surgery_date", "case_id", "patient_id" },
                descending: new[] { true, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_patients_site_code_patient_id",
                table: "patients");

            migrationBuilder.DropIndex(
                name: "IX_operations_patient_id_case_list",
                table: "operations");

            migrationBuilder.DropIndex(
                name: "IX_operations_surgery_date_case_id_patient_id",
                table: "operations");

            migrationBuilder.CreateIndex(
                name: "IX_operations_patient_id",
                table: "operations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "IX_operations_surgery_date",
                table: "operations",
                column: "surgery_date");
        }
    }
}
