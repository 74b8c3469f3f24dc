import type { FormConversationEffect, FormConversationReads } from "../../core/conversation/types.ts";

// The conversation engine lives in core (src/core/conversation/), since every platform without
// dialogs needs it; only its state is declared here, so its table has a store part like any other
// (community erasure walks `communityTables`; export and forget walk `memberData`).
declare module "../../core/model.ts" {
  interface FeatureEffects {
    formConversation: FormConversationEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    readonly formConversation: FormConversationReads;
  }
}
