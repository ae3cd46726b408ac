using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MvdRegistry.Core.Dictionary;
using MvdRegistry.Core.Model;

namespace MvdRegistry.Data.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        DictionaryColumns.Map(builder, Forms.Patient, "patients");
        builder.HasKey(p => p.PatientId);
        builder.Property(p => p.SiteCode).IsRequired();
        builder.HasOne<Site>().WithMany().HasForeignKey(p => p.SiteCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.Mrn);
        // One MRN belongs to one patient of a site (on SQL Server a filtered index: MRN is optional).
        builder.HasIndex(p => new { p.SiteCode, p.Mrn }).IsUnique();
        // A site's patients by key, from the index alone: the case list's count starts here.
        builder.HasIndex(p => new { p.SiteCode, p.PatientId });
    }
}
