CREATE TABLE "calendar_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"child_pseudonym" text NOT NULL,
	"incident_date" date NOT NULL,
	"aware_date" date NOT NULL,
	"due_date" date NOT NULL,
	"submitted_date" date,
	"outcome" text NOT NULL,
	"abuse_or_neglect" text NOT NULL,
	"looked_after" boolean DEFAULT false NOT NULL,
	"recipients" text[] DEFAULT '{}' NOT NULL,
	"reference" text,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rapid_review_agency_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"rapid_review_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"requested_date" date NOT NULL,
	"replied_date" date,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rapid_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"notification_id" uuid NOT NULL,
	"started_date" date NOT NULL,
	"due_date" date NOT NULL,
	"immediate_actions" text,
	"learning_identified" text,
	"decision" text,
	"decision_rationale" text,
	"decision_date" date,
	"sent_to_panel_date" date,
	"panel_response_date" date,
	"panel_agrees" boolean,
	"panel_response" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"meeting_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "meeting_attendees_meeting_id_participant_id_pk" PRIMARY KEY("meeting_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"review_id" uuid,
	"rapid_review_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 120 NOT NULL,
	"location" text,
	"agenda" text,
	"notes" text,
	"decisions" text,
	"follow_ups" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parallel_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"contact" text,
	"status" text DEFAULT 'active' NOT NULL,
	"no_conversations" boolean DEFAULT false NOT NULL,
	"publication_embargo" boolean DEFAULT false NOT NULL,
	"expected_end_date" date,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"user_id" uuid,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"job_title" text,
	"agency_id" uuid,
	"line_manager_participant_id" uuid,
	"invitation_token_hash" text,
	"invitation_expires_at" timestamp with time zone,
	"invitation_accepted_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_agencies" (
	"review_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "review_agencies_review_id_agency_id_pk" PRIMARY KEY("review_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "review_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"rapid_review_id" uuid,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"variant" text NOT NULL,
	"stage" text NOT NULL,
	"resume_stage" text,
	"pause_reason" text,
	"purpose_statement" text,
	"scope_from" date,
	"scope_to" date,
	"proportionality_rationale" text,
	"decision_rationale" text,
	"decision_date" date,
	"initiated_date" date NOT NULL,
	"target_publication_date" date NOT NULL,
	"target_dates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quality_assurer" text,
	"sign_off_chain" text[] DEFAULT '{}' NOT NULL,
	"planned_review_team_meetings" integer NOT NULL,
	"planned_joint_meetings" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_closures" ADD CONSTRAINT "calendar_closures_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rapid_review_agency_requests" ADD CONSTRAINT "rapid_review_agency_requests_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rapid_review_agency_requests" ADD CONSTRAINT "rapid_review_agency_requests_rapid_review_id_rapid_reviews_id_fk" FOREIGN KEY ("rapid_review_id") REFERENCES "public"."rapid_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rapid_review_agency_requests" ADD CONSTRAINT "rapid_review_agency_requests_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rapid_reviews" ADD CONSTRAINT "rapid_reviews_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rapid_reviews" ADD CONSTRAINT "rapid_reviews_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_rapid_review_id_rapid_reviews_id_fk" FOREIGN KEY ("rapid_review_id") REFERENCES "public"."rapid_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parallel_processes" ADD CONSTRAINT "parallel_processes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parallel_processes" ADD CONSTRAINT "parallel_processes_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_questions" ADD CONSTRAINT "research_questions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_questions" ADD CONSTRAINT "research_questions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_agencies" ADD CONSTRAINT "review_agencies_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_agencies" ADD CONSTRAINT "review_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_agencies" ADD CONSTRAINT "review_agencies_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_transitions" ADD CONSTRAINT "review_transitions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_transitions" ADD CONSTRAINT "review_transitions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_transitions" ADD CONSTRAINT "review_transitions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_rapid_review_id_rapid_reviews_id_fk" FOREIGN KEY ("rapid_review_id") REFERENCES "public"."rapid_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_closures_key" ON "calendar_closures" USING btree ("partnership_id","date");--> statement-breakpoint
CREATE INDEX "notifications_partnership_idx" ON "notifications" USING btree ("partnership_id","aware_date");--> statement-breakpoint
CREATE UNIQUE INDEX "rr_agency_requests_key" ON "rapid_review_agency_requests" USING btree ("rapid_review_id","agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rapid_reviews_notification_key" ON "rapid_reviews" USING btree ("notification_id");--> statement-breakpoint
CREATE INDEX "rapid_reviews_partnership_idx" ON "rapid_reviews" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_templates_kind_key" ON "letter_templates" USING btree ("partnership_id","kind");--> statement-breakpoint
CREATE INDEX "meetings_review_idx" ON "meetings" USING btree ("review_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_rapid_review_idx" ON "meetings" USING btree ("rapid_review_id");--> statement-breakpoint
CREATE INDEX "parallel_processes_review_idx" ON "parallel_processes" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_review_email_role_key" ON "participants" USING btree ("review_id","email","role");--> statement-breakpoint
CREATE INDEX "participants_user_idx" ON "participants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_invitation_key" ON "participants" USING btree ("invitation_token_hash");--> statement-breakpoint
CREATE INDEX "research_questions_review_idx" ON "research_questions" USING btree ("review_id","position");--> statement-breakpoint
CREATE INDEX "review_transitions_review_idx" ON "review_transitions" USING btree ("review_id","at");--> statement-breakpoint
CREATE INDEX "reviews_partnership_idx" ON "reviews" USING btree ("partnership_id","stage");