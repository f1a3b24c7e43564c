package httpapi

import (
	"context"
	"net/http"
)

// Audit lists the entries the request's viewer may read — the store
// applies the rule: admins read every nation's entries, but only those
// whose item marking they may see; an admin viewing as a nation reads as
// that nation — filtered and paged by q. Only admins may use the view.
func (a *Admin) Audit(ctx context.Context, q AuditQuery) (AuditPage, error) {
	if _, err := a.Require(ctx); err != nil {
		return AuditPage{}, err
	}
	return listAudit(ctx, a.audit, q)
}

// Register adds the admin API routes that the authenticator's access routes
// lack, and their schemas, to s.
func (a *Admin) Register(s *Server) {
	s.AddSchema("Nation", object(obj{"code": str(), "name": str(), "status": str(),
		"groups": arr(object(obj{"group": str(), "since": strf("date-time"), "until": strf("date-time")}))}, "code", "name", "status"))
	s.AddSchema("NationRequest", object(obj{"code": str(), "name": str(),
		"status": obj{"type": "string", "enum": []string{"member", "partner", "organisation"}},
		"groups": arr(object(obj{"group": str(), "since": strf("date"), "until": strf("date")}, "group"))}, "code", "name", "status"))
	token := object(obj{"id": str(), "user_id": str(), "scope": str(), "created": strf("date-time"),
		"last_used": strf("date-time"), "revoked": strf("date-time")})
	user := object(obj{"id": str(), "name": str(), "nation": str(), "role": str(), "clearance": integer(),
		"clearance_name": str(), "caveats": arr(str()), "failed_logins": integer(), "locked_until": strf("date-time"),
		"disabled": boolean(), "created": strf("date-time"), "tokens": arr(token)}, "id", "name", "nation", "role", "clearance")
	s.AddSchema("UserInfo", user)
	s.AddSchema("UserInfoList", object(obj{"items": arr(ref("UserInfo")), "total": integer()}, "items", "total"))
	s.AddSchema("UserUpdate", object(obj{"role": str(), "clearance": str(), "caveats": arr(str()), "disabled": boolean()}))
	s.AddSchema("MarkingText", object(obj{"text": str()}, "text"))
	for _, rt := range []Route{
		{Method: "POST", Path: "/api/v1/nations", OperationID: "putNation", Tag: "access", Body: "NationRequest", Response: "Nation",
			Summary: "Add or replace a nation with its status and dated group memberships (admin)", Answer: a.putNationAnswer},
		{Method: "GET", Path: "/api/v1/users", OperationID: "listUsers", Tag: "access", Response: "UserInfoList",
			Summary: "The users the admin administers (their nation, within their clearance and caveats), with roles, clearances and API tokens (admin)", Answer: a.usersAnswer},
		{Method: "PATCH", Path: "/api/v1/users/{name}", OperationID: "updateUser", Tag: "access", Body: "UserUpdate", Response: "UserInfo",
			Params:  []Param{{Name: "name", In: "path", Type: "string"}},
			Summary: "Change a user's role, clearance, caveats or disabled flag (admin of the user, never beyond their own access; others' users answer 404)", Answer: a.updateUserAnswer},
		{Method: "POST", Path: "/api/v1/markings/check", OperationID: "checkMarkingText", Tag: "access", Body: "MarkingText", Response: "MarkingCheck",
			Summary: "Check a marking (admin): canonical text, TLP 2.0 label and the nations its REL TO reaches today; 400 names the problem",
			Answer:  a.checkMarkingAnswer},
	} {
		rt.Handler = answer(a.log, rt.status(), rt.Answer) // errors logged as the admin part's
		s.Handle(rt)
	}
}

func (a *Admin) putNationAnswer(r *http.Request) (any, error) {
	if _, err := a.Require(r.Context()); err != nil {
		return nil, err // refused before the body is read
	}
	var req NationRequest
	if err := DecodeJSON(r, &req); err != nil {
		return nil, err
	}
	return a.PutNation(r.Context(), req)
}

func (a *Admin) usersAnswer(r *http.Request) (any, error) {
	us, err := a.Users(r.Context())
	if err != nil {
		return nil, err
	}
	return itemList(us), nil
}

func (a *Admin) updateUserAnswer(r *http.Request) (any, error) {
	if _, err := a.Require(r.Context()); err != nil {
		return nil, err
	}
	name, err := pathID(r, "name")
	if err != nil {
		return nil, err
	}
	var ch UserUpdate
	if err := DecodeJSON(r, &ch); err != nil {
		return nil, err
	}
	return a.UpdateUser(r.Context(), name, ch)
}

func (a *Admin) checkMarkingAnswer(r *http.Request) (any, error) {
	if _, err := a.Require(r.Context()); err != nil {
		return nil, err
	}
	var req MarkingText
	if err := DecodeJSON(r, &req); err != nil {
		return nil, err
	}
	return a.CheckMarking(r.Context(), req.Text)
}
