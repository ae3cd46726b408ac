using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UniqueMrnPerSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_patients_site_code",
                table: "patients");

            migrationBuilder.CreateIndex(
                name: "IX_patients_site_code_mrn",
                table: "patients",
                columns: new[] { "site_code", "mrn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_patients_site_code_mrn",
                table: "patients");

            migrationBuilder.CreateIndex(
                name: "IX_patients_site_code",
                table: "patients",
                column: "site_code");
        }
    }
}
