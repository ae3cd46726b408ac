using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MvdRegistry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    record_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    old_value = table.Column<string>(type: "text", nullable: true),
                    new_value = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sites",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sites", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "surgeons",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surgeons", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "patients",
                columns: table => new
                {
                    patient_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    site_code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mrn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ethnicity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    consent_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    consent_withdrawn_date = table.Column<DateOnly>(type: "date", nullable: true),
                    row_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patients", x => x.patient_id);
                    table.ForeignKey(
                        name: "FK_patients_sites_site_code",
                        column: x => x.site_code,
                        principalTable: "sites",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "operations",
                columns: table => new
                {
                    case_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    patient_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    indication = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    side = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    redo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    symptom_duration_months = table.Column<int>(type: "integer", nullable: true),
                    hfs_onset = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    hfs_extent = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    smc_grade = table.Column<int>(type: "integer", nullable: true),
                    cohen_grade_preop = table.Column<int>(type: "integer", nullable: true),
                    hfs7_preop = table.Column<int>(type: "integer", nullable: true),
                    sym_ear_clicking = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    sym_hearing_loss = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    sym_ear_pain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    sym_vision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    botox_prior = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    botox_cycles = table.Column<int>(type: "integer", nullable: true),
                    botox_response = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    tn_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    tn_division = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    bni_pain_preop = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    medications_count = table.Column<int>(type: "integer", nullable: true),
                    hypertension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    diabetes = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    anticoagulation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    asa_class = table.Column<int>(type: "integer", nullable: true),
                    bmi = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    hb_grade_preop = table.Column<int>(type: "integer", nullable: true),
                    pta_db_preop = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    sds_pct_preop = table.Column<int>(type: "integer", nullable: true),
                    lsr_preop = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    surgery_date = table.Column<DateOnly>(type: "date", nullable: true),
                    surgeon_code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    approach = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    visualization = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    baep_monitored = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    baep_change = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    lsr_monitored = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    lsr_intraop = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    vessel_op = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    vessel_primary = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    contact_site_op = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    compression_op = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    technique = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    implant = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    duration_min = table.Column<int>(type: "integer", nullable: true),
                    blood_loss_ml = table.Column<int>(type: "integer", nullable: true),
                    dural_closure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    discharge_date = table.Column<DateOnly>(type: "date", nullable: true),
                    row_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_operations", x => x.case_id);
                    table.ForeignKey(
                        name: "FK_operations_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "patient_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_operations_surgeons_surgeon_code",
                        column: x => x.surgeon_code,
                        principalTable: "surgeons",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complications",
                columns: table => new
                {
                    complication_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    case_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    complication_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    onset_date = table.Column<DateOnly>(type: "date", nullable: true),
                    clavien_dindo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    hb_grade_worst = table.Column<int>(type: "integer", nullable: true),
                    hearing_loss_degree = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    resolved = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    resolution_date = table.Column<DateOnly>(type: "date", nullable: true),
                    reoperation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    row_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complications", x => x.complication_id);
                    table.ForeignKey(
                        name: "FK_complications_operations_case_id",
                        column: x => x.case_id,
                        principalTable: "operations",
                        principalColumn: "case_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "followups",
                columns: table => new
                {
                    followup_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    case_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    visit_date = table.Column<DateOnly>(type: "date", nullable: true),
                    contact_mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    hfs_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    cohen_grade = table.Column<int>(type: "integer", nullable: true),
                    hfs7 = table.Column<int>(type: "integer", nullable: true),
                    bni_pain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    bni_numbness = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    hb_grade = table.Column<int>(type: "integer", nullable: true),
                    pta_db = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    sds_pct = table.Column<int>(type: "integer", nullable: true),
                    botox_since_surgery = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    reoperation_since = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    row_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followups", x => x.followup_id);
                    table.ForeignKey(
                        name: "FK_followups_operations_case_id",
                        column: x => x.case_id,
                        principalTable: "operations",
                        principalColumn: "case_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "imaging_studies",
                columns: table => new
                {
                    imaging_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    case_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    imaging_date = table.Column<DateOnly>(type: "date", nullable: true),
                    modality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    mri_sequence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    nvc_detected = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    vessel_img = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_site_img = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    compression_img = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    tumor_excluded = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    vbd = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    reader = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    row_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_imaging_studies", x => x.imaging_id);
                    table.ForeignKey(
                        name: "FK_imaging_studies_operations_case_id",
                        column: x => x.case_id,
                        principalTable: "operations",
                        principalColumn: "case_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_entity_record_key",
                table: "audit_log",
                columns: new[] { "entity", "record_key" });

            migrationBuilder.CreateIndex(
                name: "IX_complications_case_id",
                table: "complications",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_followups_case_id",
                table: "followups",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_imaging_studies_case_id",
                table: "imaging_studies",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_operations_patient_id",
                table: "operations",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "IX_operations_surgeon_code",
                table: "operations",
                column: "surgeon_code");

            migrationBuilder.CreateIndex(
                name: "IX_operations_surgery_date",
                table: "operations",
                column: "surgery_date");

            migrationBuilder.CreateIndex(
                name: "IX_patients_mrn",
                table: "patients",
                column: "mrn");

            migrationBuilder.CreateIndex(
                name: "IX_patients_site_code",
                table: "patients",
                column: "site_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "complications");

            migrationBuilder.DropTable(
                name: "followups");

            migrationBuilder.DropTable(
                name: "imaging_studies");

            migrationBuilder.DropTable(
                name: "operations");

            migrationBuilder.DropTable(
                name: "patients");

            migrationBuilder.DropTable(
                name: "surgeons");

            migrationBuilder.DropTable(
                name: "sites");
        }
    }
}
