using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvdRegistry.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Users : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "user_accounts",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    display_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    roles = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    surgeon_code = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_accounts", x => x.user_name);
                });

            migrationBuilder.CreateTable(
                name: "user_sites",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    site_code = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_sites", x => new { x.user_name, x.site_code });
                    table.ForeignKey(
                        name: "FK_user_sites_sites_site_code",
                        column: x => x.site_code,
                        principalTable: "sites",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_user_sites_user_accounts_user_name",
                        column: x => x.user_name,
                        principalTable: "user_accounts",
                        principalColumn: "user_name",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_user_sites_site_code",
                table: "user_sites",
                column: "site_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "user_sites");

            migrationBuilder.DropTable(
                name: "user_accounts");
        }
    }
}
