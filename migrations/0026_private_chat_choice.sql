-- guyub: which community a person's private chat with the bot is about, on a platform where the
-- private chat is one for all their communities (Telegram: chosen by the deep link that opened it,
-- `/start <group>`, or by a button). One choice per person per platform: choosing another
-- community replaces it. Gone with the community, and with the member's `profile forget`.
CREATE TABLE private_chat_choices (
  platform TEXT NOT NULL,
  user_id TEXT NOT NULL,
  community_id INTEGER NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  chosen_at TEXT NOT NULL,
  PRIMARY KEY (platform, user_id)
);

-- Community erasure and a member's forget find rows by community.
CREATE INDEX private_chat_choices_community ON private_chat_choices (community_id, user_id);
