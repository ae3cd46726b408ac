using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

/// <summary>Maps every dictionary variable of a form to a column named as the variable, typed from the dictionary.</summary>
internal static class DictionaryColumns
{
    public static void Map<T>(EntityTypeBuilder<T> builder, string form, string table) where T : RegistryRecord
    {
        builder.ToTable(table);
        foreach (var v in DataDictionary.Instance.Form(form))
        {
            var property = builder.Property(v.PropertyName).HasColumnName(v.Name);
            switch (v.Type)
            {
                case VariableType.Id: property.HasMaxLength(64).IsRequired(); break;
                case VariableType.Text: property.HasMaxLength(200); break;
                case VariableType.Choice or VariableType.YesNo: property.HasMaxLength(40); break;
                case VariableType.Multi: property.HasMaxLength(200); break;
                case VariableType.Decimal: property.HasPrecision(12, 4); break;
            }
        }
        builder.Property(r => r.Version).HasColumnName("row_version").IsConcurrencyToken();
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
    }
}
