IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE TABLE [audit_log] (
        [id] bigint NOT NULL IDENTITY,
        [at] datetime2 NOT NULL,
        [user_name] nvarchar(200) NOT NULL,
        [entity] nvarchar(40) NOT NULL,
        [record_key] nvarchar(64) NOT NULL,
        [action] int NOT NULL,
        [field] nvarchar(64) NULL,
        [old_value] nvarchar(max) NULL,
        [new_value] nvarchar(max) NULL,
        [reason] nvarchar(1000) NULL,
        CONSTRAINT [PK_audit_log] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE TABLE [sites] (
        [code] nvarchar(200) NOT NULL,
        [name] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_sites] PRIMARY KEY ([code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE TABLE [surgeons] (
        [code] nvarchar(200) NOT NULL,
        [user_name] nvarchar(200) NULL,
        CONSTRAINT [PK_surgeons] PRIMARY KEY ([code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE TABLE [patients] (
        [patient_id] nvarchar(64) NOT NULL,
        [site_code] nvarchar(200) NOT NULL,
        [mrn] nvarchar(200) NULL,
        [birth_date] date NULL,
        [sex] nvarchar(40) NULL,
        [ethnicity] nvarchar(40) NULL,
        [consent_status] nvarchar(40) NULL,
        [consent_withdrawn_date] date NULL,
        [row_version] int NOT NULL,
        [created_at] datetime2 NOT NULL,
        [updated_at] datetime2 NOT NULL,
        CONSTRAINT [PK_patients] PRIMARY KEY ([patient_id]),
        CONSTRAINT [FK_patients_sites_site_code] FOREIGN KEY ([site_code]) REFERENCES [sites] ([code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE TABLE [operations] (
        [case_id] nvarchar(64) NOT NULL,
        [patient_id] nvarchar(64) NOT NULL,
        [indication] nvarchar(40) NULL,
        [side] nvarchar(40) NULL,
        [redo] nvarchar(40) NULL,
        [symptom_duration_months] int NULL,
        [hfs_onset] nvarchar(40) NULL,
        [hfs_extent] nvarchar(40) NULL,
        [smc_grade] int NULL,
        [cohen_grade_preop] int NULL,
        [hfs7_preop] int NULL,
        [sym_ear_clicking] nvarchar(40) NULL,
        [sym_hearing_loss] nvarchar(40) NULL,
        [sym_ear_pain] nvarchar(40) NULL,
        [sym_vision] nvarchar(40) NULL,
        [botox_prior] nvarchar(40) NULL,
        [botox_cycles] int NULL,
        [botox_response] nvarchar(40) NULL,
        [tn_type] nvarchar(40) NULL,
        [tn_division] nvarchar(200) NULL,
        [bni_pain_preop] nvarchar(40) NULL,
        [medications_count] int NULL,
        [hypertension] nvarchar(40) NULL,
        [diabetes] nvarchar(40) NULL,
        [anticoagulation] nvarchar(40) NULL,
        [asa_class] int NULL,
        [bmi] decimal(12,4) NULL,
        [hb_grade_preop] int NULL,
        [pta_db_preop] decimal(12,4) NULL,
        [sds_pct_preop] int NULL,
        [lsr_preop] nvarchar(40) NULL,
        [surgery_date] date NULL,
        [surgeon_code] nvarchar(200) NOT NULL,
        [approach] nvarchar(40) NULL,
        [visualization] nvarchar(40) NULL,
        [baep_monitored] nvarchar(40) NULL,
        [baep_change] nvarchar(40) NULL,
        [lsr_monitored] nvarchar(40) NULL,
        [lsr_intraop] nvarchar(40) NULL,
        [vessel_op] nvarchar(200) NULL,
        [vessel_primary] nvarchar(40) NULL,
        [contact_site_op] nvarchar(40) NULL,
        [compression_op] nvarchar(40) NULL,
        [technique] nvarchar(40) NULL,
        [implant] nvarchar(40) NULL,
        [duration_min] int NULL,
        [blood_loss_ml] int NULL,
        [dural_closure] nvarchar(40) NULL,
        [discharge_date] date NULL,
        [row_version] int NOT NULL,
        [created_at] datetime2 NOT NULL,
        [updated_at] datetime2 NOT NULL,
        CONSTRAINT [PK_operations] PRIMARY KEY ([case_id]),
        CONSTRAINT [FK_operations_patients_patient_id] FOREIGN KEY ([patient_id]) REFERENCES [patients] ([patient_id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_operations_surgeons_surgeon_code] FOREIGN KEY ([surgeon_code]) REFERENCES [surgeons] ([code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE TABLE [complications] (
        [complication_id] nvarchar(64) NOT NULL,
        [case_id] nvarchar(64) NOT NULL,
        [complication_type] nvarchar(40) NULL,
        [onset_date] date NULL,
        [clavien_dindo] nvarchar(40) NULL,
        [hb_grade_worst] int NULL,
        [hearing_loss_degree] nvarchar(40) NULL,
        [resolved] nvarchar(40) NULL,
        [resolution_date] date NULL,
        [reoperation] nvarchar(40) NULL,
        [row_version] int NOT NULL,
        [created_at] datetime2 NOT NULL,
        [updated_at] datetime2 NOT NULL,
        CONSTRAINT [PK_complications] PRIMARY KEY ([complication_id]),
        CONSTRAINT [FK_complications_operations_case_id] FOREIGN KEY ([case_id]) REFERENCES [operations] ([case_id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE TABLE [followups] (
        [followup_id] nvarchar(64) NOT NULL,
        [case_id] nvarchar(64) NOT NULL,
        [visit_date] date NULL,
        [contact_mode] nvarchar(40) NULL,
        [hfs_status] nvarchar(40) NULL,
        [cohen_grade] int NULL,
        [hfs7] int NULL,
        [bni_pain] nvarchar(40) NULL,
        [bni_numbness] nvarchar(40) NULL,
        [hb_grade] int NULL,
        [pta_db] decimal(12,4) NULL,
        [sds_pct] int NULL,
        [botox_since_surgery] nvarchar(40) NULL,
        [reoperation_since] nvarchar(40) NULL,
        [row_version] int NOT NULL,
        [created_at] datetime2 NOT NULL,
        [updated_at] datetime2 NOT NULL,
        CONSTRAINT [PK_followups] PRIMARY KEY ([followup_id]),
        CONSTRAINT [FK_followups_operations_case_id] FOREIGN KEY ([case_id]) REFERENCES [operations] ([case_id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE TABLE [imaging_studies] (
        [imaging_id] nvarchar(64) NOT NULL,
        [case_id] nvarchar(64) NOT NULL,
        [imaging_date] date NULL,
        [modality] nvarchar(40) NULL,
        [mri_sequence] nvarchar(200) NULL,
        [nvc_detected] nvarchar(40) NULL,
        [vessel_img] nvarchar(200) NULL,
        [contact_site_img] nvarchar(40) NULL,
        [compression_img] nvarchar(40) NULL,
        [tumor_excluded] nvarchar(40) NULL,
        [vbd] nvarchar(40) NULL,
        [reader] nvarchar(40) NULL,
        [row_version] int NOT NULL,
        [created_at] datetime2 NOT NULL,
        [updated_at] datetime2 NOT NULL,
        CONSTRAINT [PK_imaging_studies] PRIMARY KEY ([imaging_id]),
        CONSTRAINT [FK_imaging_studies_operations_case_id] FOREIGN KEY ([case_id]) REFERENCES [operations] ([case_id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE INDEX [IX_audit_log_entity_record_key] ON [audit_log] ([entity], [record_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE INDEX [IX_complications_case_id] ON [complications] ([case_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE INDEX [IX_followups_case_id] ON [followups] ([case_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE INDEX [IX_imaging_studies_case_id] ON [imaging_studies] ([case_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE INDEX [IX_operations_patient_id] ON [operations] ([patient_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE INDEX [IX_operations_surgeon_code] ON [operations] ([surgeon_code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE INDEX [IX_operations_surgery_date] ON [operations] ([surgery_date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE INDEX [IX_patients_mrn] ON [patients] ([mrn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    CREATE INDEX [IX_patients_site_code] ON [patients] ([site_code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034024_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125034024_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125040725_Users'
)
BEGIN
    CREATE TABLE [user_accounts] (
        [user_name] nvarchar(200) NOT NULL,
        [display_name] nvarchar(200) NOT NULL,
        [roles] nvarchar(200) NOT NULL,
        [surgeon_code] nvarchar(200) NULL,
        CONSTRAINT [PK_user_accounts] PRIMARY KEY ([user_name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125040725_Users'
)
BEGIN
    CREATE TABLE [user_sites] (
        [user_name] nvarchar(200) NOT NULL,
        [site_code] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_user_sites] PRIMARY KEY ([user_name], [site_code]),
        CONSTRAINT [FK_user_sites_sites_site_code] FOREIGN KEY ([site_code]) REFERENCES [sites] ([code]) ON DELETE CASCADE,
        CONSTRAINT [FK_user_sites_user_accounts_user_name] FOREIGN KEY ([user_name]) REFERENCES [user_accounts] ([user_name]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125040725_Users'
)
BEGIN
    CREATE INDEX [IX_user_sites_site_code] ON [user_sites] ([site_code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125040725_Users'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125040725_Users', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125041530_VersionTokens'
)
BEGIN
    ALTER TABLE [user_accounts] ADD [row_version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125041530_VersionTokens'
)
BEGIN
    ALTER TABLE [surgeons] ADD [row_version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125041530_VersionTokens'
)
BEGIN
    ALTER TABLE [sites] ADD [row_version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125041530_VersionTokens'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125041530_VersionTokens', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201152651_UniqueMrnPerSite'
)
BEGIN
    DROP INDEX [IX_patients_site_code] ON [patients];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201152651_UniqueMrnPerSite'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_patients_site_code_mrn] ON [patients] ([site_code], [mrn]) WHERE [mrn] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201152651_UniqueMrnPerSite'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201152651_UniqueMrnPerSite', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201152909_AuditLogAppendOnly'
)
BEGIN
    EXEC(N'CREATE TRIGGER audit_log_append_only ON audit_log INSTEAD OF UPDATE, DELETE AS
    BEGIN
        THROW 51000, N''audit_log is append-only: audit rows cannot be changed or deleted'', 1;
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201152909_AuditLogAppendOnly'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201152909_AuditLogAppendOnly', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201165000_JobRuns'
)
BEGIN
    CREATE TABLE [job_runs] (
        [id] bigint NOT NULL IDENTITY,
        [row_version] int NOT NULL,
        [kind] nvarchar(40) NOT NULL,
        [parameters] nvarchar(4000) NOT NULL,
        [requested_by] nvarchar(200) NOT NULL,
        [status] nvarchar(20) NOT NULL,
        [progress_percent] int NOT NULL,
        [progress_text] nvarchar(400) NULL,
        [queued_at] datetime2 NOT NULL,
        [started_at] datetime2 NULL,
        [finished_at] datetime2 NULL,
        [rows] int NULL,
        [output] nvarchar(1000) NULL,
        [error] nvarchar(4000) NULL,
        [hangfire_job_id] nvarchar(100) NULL,
        CONSTRAINT [PK_job_runs] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201165000_JobRuns'
)
BEGIN
    CREATE INDEX [IX_job_runs_requested_by_queued_at] ON [job_runs] ([requested_by], [queued_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201165000_JobRuns'
)
BEGIN
    CREATE INDEX [IX_job_runs_status] ON [job_runs] ([status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201165000_JobRuns'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201165000_JobRuns', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181004_StatisticsSnapshots'
)
BEGIN
    CREATE TABLE [statistics_snapshots] (
        [id] bigint NOT NULL IDENTITY,
        [filter_key] nvarchar(400) NOT NULL,
        [as_of] date NOT NULL,
        [computed_at] datetime2 NOT NULL,
        [computed_by] nvarchar(200) NOT NULL,
        [run_id] bigint NULL,
        [fingerprint] nvarchar(200) NOT NULL,
        [json] nvarchar(max) NOT NULL,
        [missing_json] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_statistics_snapshots] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181004_StatisticsSnapshots'
)
BEGIN
    CREATE INDEX [IX_statistics_snapshots_filter_key_computed_at] ON [statistics_snapshots] ([filter_key], [computed_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181004_StatisticsSnapshots'
)
BEGIN
    CREATE INDEX [IX_statistics_snapshots_filter_key_fingerprint] ON [statistics_snapshots] ([filter_key], [fingerprint]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181004_StatisticsSnapshots'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201181004_StatisticsSnapshots', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201182141_AuditLogDeletesIndex'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_audit_log_deletes] ON [audit_log] ([entity], [record_key]) WHERE action = 3');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201182141_AuditLogDeletesIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201182141_AuditLogDeletesIndex', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201190504_ReportSchedules'
)
BEGIN
    CREATE TABLE [report_schedules] (
        [id] bigint NOT NULL IDENTITY,
        [row_version] int NOT NULL,
        [name] nvarchar(200) NOT NULL,
        [report_kind] nvarchar(40) NOT NULL,
        [indication] nvarchar(10) NULL,
        [sites] nvarchar(1000) NOT NULL,
        [surgery_from] date NULL,
        [surgery_to] date NULL,
        [cron] nvarchar(100) NOT NULL,
        [time_zone] nvarchar(100) NOT NULL,
        [runs_to_keep] int NOT NULL,
        [paused] bit NOT NULL,
        [created_by] nvarchar(200) NOT NULL,
        [created_at] datetime2 NOT NULL,
        CONSTRAINT [PK_report_schedules] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201190504_ReportSchedules'
)
BEGIN
    CREATE UNIQUE INDEX [IX_report_schedules_name] ON [report_schedules] ([name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201190504_ReportSchedules'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201190504_ReportSchedules', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201203814_OverdueLists'
)
BEGIN
    CREATE TABLE [overdue_follow_ups] (
        [case_id] nvarchar(64) NOT NULL,
        [site_code] nvarchar(200) NOT NULL,
        [patient_id] nvarchar(64) NOT NULL,
        [surgeon_code] nvarchar(200) NULL,
        [surgery_date] date NOT NULL,
        [first_missed_day] int NOT NULL,
        [latest_missed_day] int NOT NULL,
        [latest_missed_date] date NOT NULL,
        [last_seen] date NOT NULL,
        [seen_at_visit] bit NOT NULL,
        [as_of] date NOT NULL,
        [computed_at] datetime2 NOT NULL,
        CONSTRAINT [PK_overdue_follow_ups] PRIMARY KEY ([case_id]),
        CONSTRAINT [FK_overdue_follow_ups_operations_case_id] FOREIGN KEY ([case_id]) REFERENCES [operations] ([case_id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201203814_OverdueLists'
)
BEGIN
    CREATE TABLE [overdue_lists] (
        [site_code] nvarchar(200) NOT NULL,
        [as_of] date NOT NULL,
        [computed_at] datetime2 NOT NULL,
        [computed_by] nvarchar(200) NOT NULL,
        [run_id] bigint NULL,
        [updated_at] datetime2 NULL,
        CONSTRAINT [PK_overdue_lists] PRIMARY KEY ([site_code]),
        CONSTRAINT [FK_overdue_lists_sites_site_code] FOREIGN KEY ([site_code]) REFERENCES [sites] ([code]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201203814_OverdueLists'
)
BEGIN
    CREATE INDEX [IX_overdue_follow_ups_site_code_latest_missed_date] ON [overdue_follow_ups] ([site_code], [latest_missed_date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201203814_OverdueLists'
)
BEGIN
    CREATE INDEX [IX_overdue_follow_ups_surgeon_code_latest_missed_date] ON [overdue_follow_ups] ([surgeon_code], [latest_missed_date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201203814_OverdueLists'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201203814_OverdueLists', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202000040_CaseListIndexes'
)
BEGIN
    DROP INDEX [IX_operations_patient_id] ON [operations];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202000040_CaseListIndexes'
)
BEGIN
    DROP INDEX [IX_operations_surgery_date] ON [operations];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202000040_CaseListIndexes'
)
BEGIN
    CREATE INDEX [IX_patients_site_code_patient_id] ON [patients] ([site_code], [patient_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202000040_CaseListIndexes'
)
BEGIN
    CREATE INDEX [IX_operations_patient_id_case_list] ON [operations] ([patient_id], [surgeon_code], [indication], [surgery_date], [case_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202000040_CaseListIndexes'
)
BEGIN
    CREATE INDEX [IX_operations_surgery_date_case_id_patient_id] ON [operations] ([surgery_date] DESC, [case_id], [patient_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202000040_CaseListIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202000040_CaseListIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202023546_OverdueListOrder'
)
BEGIN
    CREATE INDEX [IX_overdue_follow_ups_site_code_surgery_date_case_id] ON [overdue_follow_ups] ([site_code], [surgery_date] DESC, [case_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202023546_OverdueListOrder'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202023546_OverdueListOrder', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202095958_AuditLogUserIndex'
)
BEGIN
    CREATE INDEX [IX_audit_log_user_name_id] ON [audit_log] ([user_name], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202095958_AuditLogUserIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202095958_AuditLogUserIndex', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203042409_ChildRowsByOperationIndexes'
)
BEGIN
    DROP INDEX [IX_imaging_studies_case_id] ON [imaging_studies];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203042409_ChildRowsByOperationIndexes'
)
BEGIN
    DROP INDEX [IX_followups_case_id] ON [followups];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203042409_ChildRowsByOperationIndexes'
)
BEGIN
    DROP INDEX [IX_complications_case_id] ON [complications];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203042409_ChildRowsByOperationIndexes'
)
BEGIN
    CREATE INDEX [IX_imaging_studies_case_id_imaging_id] ON [imaging_studies] ([case_id], [imaging_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203042409_ChildRowsByOperationIndexes'
)
BEGIN
    CREATE INDEX [IX_followups_case_id_followup_id] ON [followups] ([case_id], [followup_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203042409_ChildRowsByOperationIndexes'
)
BEGIN
    CREATE INDEX [IX_complications_case_id_complication_id] ON [complications] ([case_id], [complication_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203042409_ChildRowsByOperationIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203042409_ChildRowsByOperationIndexes', N'10.0.15');
END;

COMMIT;
GO

