using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MvdRegistry.Data;

/// <summary>
/// Tables and columns of the EF Core model as the context's provider writes them in SQL: delimited by its
/// <see cref="ISqlGenerationHelper"/> (<c>"audit_log"</c> on SQLite, <c>[audit_log]</c> on SQL Server; Npgsql quotes only a name
/// that needs it, and the model's lower-case snake-case names do not),
/// the schema included. The one way hand-written SQL names what the model maps: names from the
/// model, no value from outside, so nothing can be injected, and a name the provider reserves still works.
/// </summary>
public static class ModelNames
{
    public static string Table(RegistryDbContext db, Type entityType) => Table(db, Entity(db, entityType));

    public static string Table(DbContext db, IEntityType entity) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());

    public static string Column(RegistryDbContext db, Type entityType, string property) => Column(db, Entity(db, entityType), property);

    public static string Column(DbContext db, IEntityType entity, string property) =>
        Column(db, entity.FindProperty(property) ?? throw new InvalidOperationException($"{entity.DisplayName()} has no property {property}"));

    public static string Column(DbContext db, IProperty property) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(property.GetColumnName());

    private static IEntityType Entity(DbContext db, Type type) =>
        db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model");
}
