using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using StudyPortal.Web.Infrastructure.Accounts;
using StudyPortal.Web.Infrastructure.Groups;

namespace StudyPortal.Web.Infrastructure;

// One source-generated validator per options class of the web app that has values to check (registered by
// AddValidatedOptions); AccessOptions holds only switches, bound (and so checked) at start-up.
[OptionsValidator]
public sealed partial class StudyOptionsValidator : IValidateOptions<StudyOptions>;

[OptionsValidator]
public sealed partial class ReadingOptionsValidator : IValidateOptions<ReadingOptions>;

[OptionsValidator]
public sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;

[OptionsValidator]
public sealed partial class AdminAccountOptionsValidator : IValidateOptions<AdminAccountOptions>;

[OptionsValidator]
public sealed partial class ProxyOptionsValidator : IValidateOptions<ProxyOptions>;

[OptionsValidator]
public sealed partial class KeyRingOptionsValidator : IValidateOptions<KeyRingOptions>;
