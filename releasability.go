package liaison

// NoNation is the REL TO entry of an item releasable to no nation at all:
// the banner over items whose releasability lists share no nation, an event
// whose own list is disjoint from its document's, an audit entry none of
// whose parties may see the item. RelTo cannot simply be left empty, since
// an empty list means "releasable to every nation"; NoNation keeps it
// non-empty while no viewer's nation can ever equal it — it is not a plain
// nation code (the '!' is outside the letters and digits codes are made
// of, so no nation can be registered under it and no user can name it in
// marking text). Only the system sees such an item.
//
// It is defined here, once, because the marking rules (internal/marking),
// the stores and the audit log all write and compare it, and stored
// markings already hold this exact value: it must not change. The canonical
// text form prints it as "REL TO NONE" (see internal/marking).
const NoNation = "!nobody"
