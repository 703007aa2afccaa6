using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyPortal.Data.Accounts;

namespace StudyPortal.Data.Accounts;

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder) => builder.Property(u => u.DisplayName).HasMaxLength(PortalUser.DisplayNameMaxLength);
}
