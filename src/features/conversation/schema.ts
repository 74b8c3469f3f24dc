/** A form asked one question at a time (migrations/0025_form_conversations.sql); JSON in `args`, `answers`. */
export interface FormConversationsTable {
  community_id: number;
  user_id: string;
  form_id: string;
  args: string;
  answers: string;
  step: number;
  reasks: number;
  expires_at: string;
  updated_at: string;
}

/** The community a private chat is about (migrations/0026_private_chat_choice.sql). */
export interface PrivateChatChoicesTable {
  platform: string;
  user_id: string;
  community_id: number;
  chosen_at: string;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    form_conversations: FormConversationsTable;
    private_chat_choices: PrivateChatChoicesTable;
  }
}
