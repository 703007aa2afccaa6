using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace StudyPortal.Data.Library;

public sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(Section.KeyMaxLength);
        builder.HasIndex(s => s.Key).IsUnique();
        builder.HasIndex(s => new { s.DocumentId, s.Position }).IsUnique();
        builder.HasMany(s => s.Paragraphs).WithOne(p => p.Section).HasForeignKey(p => p.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
