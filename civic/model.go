package civic

// The model types follow the Popolo data specification (popoloproject.com)
// so that ModernGov exports, Democracy Club and mySociety data map across
// field by field; Account, Actor and Tie extend it for ward networks.

// Person is a person, such as a councillor (Popolo "Person").
type Person struct {
	ID         string    `json:"id" jsonschema:"description=Stable identifier of the person"`
	Name       string    `json:"name" jsonschema:"description=Full name as published"`
	Email      string    `json:"email,omitempty" jsonschema:"description=Public contact email"`
	Image      string    `json:"image,omitempty" jsonschema:"description=URL of a photograph"`
	Accounts   []Account `json:"accounts,omitempty" jsonschema:"description=Social-media presences of the person"`
	BirthDate  string    `json:"birth_date,omitempty" jsonschema:"description=Date of birth (ISO 8601); usually left out"`
	Identifier string    `json:"identifier,omitempty" jsonschema:"description=Identifier in the source system (e.g. ModernGov member id)"`
}

// Organization is a group with a common purpose: a council, a party or a
// community group (Popolo "Organization").
type Organization struct {
	ID             string    `json:"id" jsonschema:"description=Stable identifier of the organisation"`
	Name           string    `json:"name" jsonschema:"description=Name as published"`
	Classification string    `json:"classification,omitempty" jsonschema:"description=Kind of organisation: council, party, community group, partner"`
	ParentID       string    `json:"parent_id,omitempty" jsonschema:"description=Identifier of the parent organisation"`
	AreaID         string    `json:"area_id,omitempty" jsonschema:"description=Identifier of the area it serves"`
	Accounts       []Account `json:"accounts,omitempty" jsonschema:"description=Social-media presences of the organisation"`
}

// Post is a position that exists independently of its holder, such as a
// seat for a ward (Popolo "Post").
type Post struct {
	ID             string `json:"id" jsonschema:"description=Stable identifier of the post"`
	Label          string `json:"label" jsonschema:"description=Label such as 'Councillor for Riverside'"`
	Role           string `json:"role,omitempty" jsonschema:"description=Role such as 'Councillor'"`
	OrganizationID string `json:"organization_id,omitempty" jsonschema:"description=Organisation the post belongs to"`
	AreaID         string `json:"area_id,omitempty" jsonschema:"description=Area (ward) the post represents"`
}

// Membership is a person's membership of an organisation, optionally
// holding a post, for a period (Popolo "Membership").
type Membership struct {
	ID             string `json:"id,omitempty" jsonschema:"description=Identifier of the membership"`
	PersonID       string `json:"person_id" jsonschema:"description=The member"`
	OrganizationID string `json:"organization_id" jsonschema:"description=The organisation"`
	PostID         string `json:"post_id,omitempty" jsonschema:"description=The post held, if any"`
	Role           string `json:"role,omitempty" jsonschema:"description=Role within the organisation"`
	StartDate      string `json:"start_date,omitempty" jsonschema:"description=First day (ISO 8601 date)"`
	EndDate        string `json:"end_date,omitempty" jsonschema:"description=Last day (ISO 8601 date); empty while current"`
}

// Area is a geographic area such as a ward (Popolo "Area"). Wards change at
// boundary reviews, so an area carries the dates it is valid for.
type Area struct {
	ID             string `json:"id" jsonschema:"description=ONS GSS code such as E05001396 or another stable identifier"`
	Name           string `json:"name" jsonschema:"description=Name of the area"`
	OCDID          string `json:"ocd_id,omitempty" jsonschema:"description=Open Civic Data division identifier"`
	Classification string `json:"classification,omitempty" jsonschema:"description=Kind of area, such as ward or division"`
	ParentID       string `json:"parent_id,omitempty" jsonschema:"description=Identifier of the containing area"`
	ValidFrom      string `json:"valid_from,omitempty" jsonschema:"description=First day the boundary is in force (ISO 8601 date)"`
	ValidUntil     string `json:"valid_until,omitempty" jsonschema:"description=Last day the boundary is in force (ISO 8601 date)"`
}

// Account is a social-media presence of a person or organisation. A
// citizen's handle is personal data: pseudonymise it before publishing.
type Account struct {
	Platform  string `json:"platform" jsonschema:"description=Platform such as x, facebook, instagram, nextdoor"`
	Handle    string `json:"handle" jsonschema:"description=Handle on the platform"`
	URL       string `json:"url,omitempty" jsonschema:"description=Profile URL"`
	Followers int    `json:"followers,omitempty" jsonschema:"description=Follower count when last seen,minimum=0"`
	OwnerID   string `json:"owner_id,omitempty" jsonschema:"description=Person or organisation that holds the account"`
}
