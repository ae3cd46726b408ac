-- The registry's application role, for a production PostgreSQL database (hand-written, not generated).
-- Run as the role that owns the schema (the one that runs `mvd migrate` or registry.sql), after it:
--   psql -v ON_ERROR_STOP=1 -v app_password='...' -d DATABASE -f database/postgres/roles.sql
-- Running it again changes nothing but the password.
--
-- The schema owner runs migrations. registry_app is the web host's and the command line's login
-- (ConnectionStrings__Registry): it reads and writes clinical data and appends audit rows, and may
-- not update, delete or truncate audit rows. Owning nothing, it can neither drop nor disable the
-- audit_log triggers, and as no superuser it cannot set session_replication_role.

DO $roles$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'registry_app') THEN
        CREATE ROLE registry_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
END $roles$;

ALTER ROLE registry_app PASSWORD :'app_password';

GRANT CONNECT ON DATABASE :"DBNAME" TO registry_app;
GRANT USAGE ON SCHEMA public TO registry_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO registry_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO registry_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM registry_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__EFMigrationsHistory" FROM registry_app;

-- Tables that later migrations create (run by this same owner) are open to the application too;
-- audit_log keeps its revocations above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO registry_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO registry_app;
