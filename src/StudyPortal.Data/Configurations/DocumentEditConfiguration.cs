using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Entities;

namespace StudyPortal.Data.Configurations;

public sealed class DocumentEditConfiguration : IEntityTypeConfiguration<DocumentEdit>
{
    public void Configure(EntityTypeBuilder<DocumentEdit> builder)
    {
        builder.HasIndex(e => new { e.DocumentId, e.Revision }).IsUnique();
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Section).HasMaxLength(32);
        builder.HasOne(e => e.Document).WithMany().HasForeignKey(e => e.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
