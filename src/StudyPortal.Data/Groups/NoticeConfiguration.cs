using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;
using StudyPortal.Data.Groups;

namespace StudyPortal.Data.Groups;

public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(Notice.KindMaxLength);
        builder.Property(n => n.Text).HasMaxLength(Notice.TextMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notice.LinkMaxLength);
        builder.HasIndex(n => new { n.UserId, n.Kind, n.SubjectId }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
