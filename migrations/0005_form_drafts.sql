-- guyub: answers kept from a form submission that had errors. Discord cannot show field errors
-- inside a modal, so guyub replies with the errors and a button that reopens the form; the draft
-- refills it. Cleared when the form is submitted successfully.
CREATE TABLE form_drafts (
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  answers TEXT NOT NULL,                 -- JSON: field id → string or array of strings
  updated_at TEXT NOT NULL,
  PRIMARY KEY (community_id, user_id, form_id)
);
