using static MvdRegistry.IntegrationTests.Authorization.Outcome;

namespace MvdRegistry.IntegrationTests.Authorization;

/// <summary>
/// Who may use what: every page and endpoint of the application, for every kind of caller, with the
/// outcome each must get. A new page or endpoint fails the tests until it has a row here, so nobody
/// adds one without deciding who may use it. Adding one is one line.
///
/// The callers (columns):
///   Anonymous      nobody signed in, asking for Houston's records
///   SurgeonOwn     surgeon.hou asking for Houston's records (their own site)
///   SurgeonOther   surgeon.hou asking for Barcelona's records (a site not granted to them)
///   Researcher     researcher asking for Houston's records
///   Admin          admin (granted every site) asking for Houston's records
/// Route values ({caseId}, {patientId}, {id}) are the ids of the seeded records of that site.
///
/// The outcomes:
///   Ok 200, Created 201, Redirect (302 elsewhere than below), SignIn (302 to the sign-in page),
///   Denied (302 to the access-denied page), Unauthorized 401, Forbidden 403, NotFound 404,
///   Invalid 400: let in, and the deliberately empty body was refused, so nothing was written
///   (API writes get "{}", page posts an empty form with its antiforgery token).
/// </summary>
public static class AuthorizationMatrix
{
    public static readonly IReadOnlyList<Row> Rows =
    [
        //   endpoint                                                  Anonymous     SurgeonOwn  SurgeonOther  Researcher  Admin
        new("GET /",                                                   SignIn,       Ok,         Ok,           Ok,         Ok),
        new("GET /Index",                                              SignIn,       Ok,         Ok,           Ok,         Ok),
        new("GET /Error",                                              Ok,           Ok,         Ok,           Ok,         Ok),
        new("GET /Status",                                             Ok,           Ok,         Ok,           Ok,         Ok),
        new("GET /health",                                             Ok,           Ok,         Ok,           Ok,         Ok),
        new("GET /Account/SignIn",                                     Ok,           Ok,         Ok,           Ok,         Ok),
        new("POST /Account/SignIn",                                    Invalid,      Invalid,    Invalid,      Invalid,    Invalid),
        new("GET /Account/SignOut",                                    Redirect,     Redirect,   Redirect,     Redirect,   Redirect),
        new("POST /Account/SignOut",                                   Redirect,     Redirect,   Redirect,     Redirect,   Redirect),
        new("GET /Account/Denied",                                     SignIn,       Ok,         Ok,           Ok,         Ok),
        new("GET /openapi/{documentName}.json",                        Ok,           Ok,         Ok,           Ok,         Ok),

        new("GET /api/patients",                                       Unauthorized, Ok,         Ok,           Forbidden,  Ok),
        new("GET /api/patients/{patientId}",                           Unauthorized, Ok,         NotFound,     Forbidden,  Ok),
        new("POST /api/patients",                                      Unauthorized, Invalid,    Invalid,      Forbidden,  Forbidden),
        new("PUT /api/patients/{patientId}",                           Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("DELETE /api/patients/{patientId}",                        Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("GET /api/operations",                                     Unauthorized, Ok,         Ok,           Forbidden,  Ok),
        new("GET /api/operations/{caseId}",                            Unauthorized, Ok,         NotFound,     Forbidden,  Ok),
        new("POST /api/operations",                                    Unauthorized, Invalid,    Invalid,      Forbidden,  Forbidden),
        new("PUT /api/operations/{caseId}",                            Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("DELETE /api/operations/{caseId}",                         Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("GET /api/operations/{caseId}/imaging",                    Unauthorized, Ok,         NotFound,     Forbidden,  Ok),
        new("GET /api/operations/{caseId}/imaging/{id}",               Unauthorized, Ok,         NotFound,     Forbidden,  Ok),
        new("POST /api/operations/{caseId}/imaging",                   Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("PUT /api/operations/{caseId}/imaging/{id}",               Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("DELETE /api/operations/{caseId}/imaging/{id}",            Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("GET /api/operations/{caseId}/followups",                  Unauthorized, Ok,         NotFound,     Forbidden,  Ok),
        new("GET /api/operations/{caseId}/followups/{id}",             Unauthorized, Ok,         NotFound,     Forbidden,  Ok),
        new("POST /api/operations/{caseId}/followups",                 Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("PUT /api/operations/{caseId}/followups/{id}",             Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("DELETE /api/operations/{caseId}/followups/{id}",          Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("GET /api/operations/{caseId}/complications",              Unauthorized, Ok,         NotFound,     Forbidden,  Ok),
        new("GET /api/operations/{caseId}/complications/{id}",         Unauthorized, Ok,         NotFound,     Forbidden,  Ok),
        new("POST /api/operations/{caseId}/complications",             Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("PUT /api/operations/{caseId}/complications/{id}",         Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),
        new("DELETE /api/operations/{caseId}/complications/{id}",      Unauthorized, Invalid,    NotFound,     Forbidden,  Forbidden),

        // Working lists, statistics and user administration
        new("GET /Cases",                                              SignIn,       Ok,         Ok,           Denied,     Ok),
        new("GET /Cases/Index",                                        SignIn,       Ok,         Ok,           Denied,     Ok),
        new("GET /FollowUps/Overdue",                                  SignIn,       Ok,         Ok,           Denied,     Denied),
        new("GET /Statistics",                                         SignIn,       Denied,     Denied,       Ok,         Ok),
        new("GET /Statistics/Index",                                   SignIn,       Denied,     Denied,       Ok,         Ok),
        // A statistics run's progress (no run 0: not found); Compute now queues a run and comes back.
        new("GET /Statistics?handler=Progress",                        SignIn,       Denied,     Denied,       NotFound,   NotFound),
        new("GET /Statistics/Index?handler=Progress",                  SignIn,       Denied,     Denied,       NotFound,   NotFound),
        new("POST /Statistics?handler=Compute",                        SignIn,       Denied,     Denied,       Redirect,   Redirect),
        new("POST /Statistics/Index?handler=Compute",                  SignIn,       Denied,     Denied,       Redirect,   Redirect),
        // A surgeon's own outcomes (their own surgeon code only).
        new("GET /Statistics/Mine",                                    SignIn,       Ok,         Ok,           Denied,     Denied),
        new("GET /Statistics/Mine?handler=Progress",                   SignIn,       NotFound,   NotFound,     Denied,     Denied),
        new("POST /Statistics/Mine?handler=Compute",                   SignIn,       Redirect,   Redirect,     Denied,     Denied),
        // The counselling view (surgeons and administrators): on its own, and for the patient of an operation of a granted site.
        new("GET /Counselling",                                        SignIn,       Ok,         Ok,           Denied,     Ok),
        new("GET /Counselling/Index",                                  SignIn,       Ok,         Ok,           Denied,     Ok),
        new("GET /Cases/{caseId}/Counselling",                         SignIn,       Ok,         NotFound,     Denied,     Ok),
        new("GET /Admin/Users",                                        SignIn,       Denied,     Denied,       Denied,     Ok),
        new("GET /Admin/Users/Index",                                  SignIn,       Denied,     Denied,       Denied,     Ok),
        new("GET /Admin/Users/New",                                    SignIn,       Denied,     Denied,       Denied,     Ok),
        new("POST /Admin/Users/New",                                   SignIn,       Denied,     Denied,       Denied,     Ok),
        new("GET /Admin/Users/Edit/{userName}",                        SignIn,       Denied,     Denied,       Denied,     Ok),
        new("POST /Admin/Users/Edit/{userName}",                       SignIn,       Denied,     Denied,       Denied,     Ok),

        // Background jobs: everyone sees their own runs (administrators every run); statistics runs for
        // researchers and administrators; the empty posts lack the date or the run id. The Hangfire
        // dashboard: administrators only (its own filter answers 403 to the others).
        new("GET /Jobs",                                               SignIn,       Ok,         Ok,           Ok,         Ok),
        new("GET /Jobs/Index",                                         SignIn,       Ok,         Ok,           Ok,         Ok),
        new("GET /Jobs?handler=Progress",                              SignIn,       Ok,         Ok,           Ok,         Ok),
        new("GET /Jobs/Index?handler=Progress",                        SignIn,       Ok,         Ok,           Ok,         Ok),
        new("POST /Jobs?handler=Statistics",                           SignIn,       Denied,     Denied,       Invalid,    Invalid),
        new("POST /Jobs/Index?handler=Statistics",                     SignIn,       Denied,     Denied,       Invalid,    Invalid),
        new("POST /Jobs?handler=Cancel",                               SignIn,       Invalid,    Invalid,      Invalid,    Invalid),
        new("POST /Jobs/Index?handler=Cancel",                         SignIn,       Invalid,    Invalid,      Invalid,    Invalid),
        new("GET /Reports",                                            SignIn,       Denied,     Denied,       Denied,     Ok),
        new("GET /Reports/Index",                                      SignIn,       Denied,     Denied,       Denied,     Ok),
        new("GET /Reports?handler=Download",                           SignIn,       Denied,     Denied,       Denied,     Invalid),
        new("POST /Reports?handler=Run",                               SignIn,       Denied,     Denied,       Denied,     Invalid),
        new("POST /Reports?handler=Pause",                             SignIn,       Denied,     Denied,       Denied,     Invalid),
        new("POST /Reports?handler=Resume",                            SignIn,       Denied,     Denied,       Denied,     Invalid),
        new("POST /Reports?handler=Delete",                            SignIn,       Denied,     Denied,       Denied,     Invalid),
        new("GET /Reports/Index?handler=Download",                     SignIn,       Denied,     Denied,       Denied,     Invalid),
        new("POST /Reports/Index?handler=Run",                         SignIn,       Denied,     Denied,       Denied,     Invalid),
        new("POST /Reports/Index?handler=Pause",                       SignIn,       Denied,     Denied,       Denied,     Invalid),
        new("POST /Reports/Index?handler=Resume",                      SignIn,       Denied,     Denied,       Denied,     Invalid),
        new("POST /Reports/Index?handler=Delete",                      SignIn,       Denied,     Denied,       Denied,     Invalid),
        new("GET /Reports/Schedule",                                   SignIn,       Denied,     Denied,       Denied,     Ok),
        new("POST /Reports/Schedule",                                  SignIn,       Denied,     Denied,       Denied,     Ok),
        // Exports: researchers and administrators; the empty post is refused with its reasons on the page
        // (a redirect back to it, nothing queued); the download without a run id is 400.
        new("GET /Exports",                                            SignIn,       Denied,     Denied,       Ok,         Ok),
        new("GET /Exports/Index",                                      SignIn,       Denied,     Denied,       Ok,         Ok),
        new("GET /Exports?handler=Download",                           SignIn,       Denied,     Denied,       Invalid,    Invalid),
        new("GET /Exports/Index?handler=Download",                     SignIn,       Denied,     Denied,       Invalid,    Invalid),
        new("POST /Exports?handler=Run",                               SignIn,       Denied,     Denied,       Redirect,   Redirect),
        new("POST /Exports/Index?handler=Run",                         SignIn,       Denied,     Denied,       Redirect,   Redirect),
        new("GET /hangfire/{**path}",                                  SignIn,       Forbidden,  Forbidden,    Forbidden,  Ok),

        // Data entry ("Ok" for a post: let in, the empty form re-rendered with its errors, nothing written;
        // for a delete: refused without its confirmation and reason, nothing deleted)
        new("GET /Cases/New",                                          SignIn,       Ok,         Ok,           Denied,     Denied),
        new("POST /Cases/New",                                         SignIn,       Ok,         Ok,           Denied,     Denied),
        new("GET /Cases/{caseId}",                                     SignIn,       Ok,         NotFound,     Denied,     Ok),
        new("GET /Cases/{caseId}/Edit",                                SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Cases/{caseId}/Edit",                               SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Cases/{caseId}/Edit?handler=Delete",                SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("GET /Patients/{patientId}/Edit",                          SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Patients/{patientId}/Edit",                         SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Patients/{patientId}/Edit?handler=Delete",          SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("GET /Cases/{caseId}/Imaging/New",                         SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Cases/{caseId}/Imaging/New",                        SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("GET /Imaging/{id}/Edit",                                  SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Imaging/{id}/Edit",                                 SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Imaging/{id}/Edit?handler=Delete",                  SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("GET /Cases/{caseId}/FollowUps/New",                       SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Cases/{caseId}/FollowUps/New",                      SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("GET /FollowUps/{id}/Edit",                                SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /FollowUps/{id}/Edit",                               SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /FollowUps/{id}/Edit?handler=Delete",                SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("GET /Cases/{caseId}/Complications/New",                   SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Cases/{caseId}/Complications/New",                  SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("GET /Complications/{id}/Edit",                            SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Complications/{id}/Edit",                           SignIn,       Ok,         NotFound,     Denied,     Denied),
        new("POST /Complications/{id}/Edit?handler=Delete",            SignIn,       Ok,         NotFound,     Denied,     Denied),
    ];
}

public enum Outcome { Ok, Created, Redirect, SignIn, Denied, Invalid, Unauthorized, Forbidden, NotFound, Other }

public enum Caller { Anonymous, SurgeonOwn, SurgeonOther, Researcher, Admin }

/// <summary>One endpoint ("METHOD /route", "?handler=Name" for a named page handler) and the outcome for each caller.</summary>
public sealed record Row(string Endpoint, Outcome Anonymous, Outcome SurgeonOwn, Outcome SurgeonOther, Outcome Researcher, Outcome Admin)
{
    public Outcome For(Caller caller) => caller switch
    {
        Caller.Anonymous => Anonymous,
        Caller.SurgeonOwn => SurgeonOwn,
        Caller.SurgeonOther => SurgeonOther,
        Caller.Researcher => Researcher,
        Caller.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };
}
