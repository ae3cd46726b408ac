-- The registry's application login, for a production SQL Server database (hand-written, not generated;
-- not run by the tests: the build machines have no SQL Server). Run as sa or the database owner after
-- `mvd migrate` or registry.sql; docker-compose.yml runs it in its `roles` service:
--   sqlcmd -b -S HOST -U sa -d MvdRegistry -v APP_PASSWORD="..." -i database/sqlserver/roles.sql
-- Running it again changes nothing but the password.
--
-- The owner (sa in docker-compose) runs migrations. registry_app is the web host's login
-- (ConnectionStrings__Registry): it reads and writes clinical data and appends audit rows, and is
-- denied UPDATE and DELETE on audit_log. Without ALTER on any table it can neither TRUNCATE audit_log
-- (which fires no trigger on SQL Server) nor disable or drop the audit_log_append_only trigger.

IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'registry_app')
    CREATE LOGIN registry_app WITH PASSWORD = N'$(APP_PASSWORD)';
ELSE
    ALTER LOGIN registry_app WITH PASSWORD = N'$(APP_PASSWORD)';
GO

IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'registry_app')
    CREATE USER registry_app FOR LOGIN registry_app;
GO

-- On the schema, so tables that later migrations add are covered too; the DENYs win over it.
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dbo TO registry_app;
DENY UPDATE, DELETE ON OBJECT::dbo.audit_log TO registry_app;
DENY INSERT, UPDATE, DELETE ON OBJECT::dbo.[__EFMigrationsHistory] TO registry_app;
GO
