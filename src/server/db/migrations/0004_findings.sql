CREATE TABLE "finding_episodes" (
	"finding_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "finding_episodes_finding_id_episode_id_pk" PRIMARY KEY("finding_id","episode_id")
);
--> statement-breakpoint
CREATE TABLE "finding_research_questions" (
	"finding_id" uuid NOT NULL,
	"research_question_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	CONSTRAINT "finding_research_questions_finding_id_research_question_id_pk" PRIMARY KEY("finding_id","research_question_id")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"statement" text NOT NULL,
	"typology_code" text,
	"polarity" text DEFAULT 'risk' NOT NULL,
	"how_it_showed" text DEFAULT '' NOT NULL,
	"prevalence_sources" text[] DEFAULT '{}' NOT NULL,
	"prevalence_evidence" text DEFAULT '' NOT NULL,
	"currency" text,
	"currency_note" text,
	"why_it_matters" text DEFAULT '' NOT NULL,
	"board_questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recommendations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priority" text,
	"status" text DEFAULT 'emerging' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pseudonym_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"category" text NOT NULL,
	"real_value" text NOT NULL,
	"variants" text[] DEFAULT '{}' NOT NULL,
	"replacement" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pseudonym_registers" (
	"review_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "finding_episodes" ADD CONSTRAINT "finding_episodes_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_episodes" ADD CONSTRAINT "finding_episodes_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_episodes" ADD CONSTRAINT "finding_episodes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_research_questions" ADD CONSTRAINT "finding_research_questions_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_research_questions" ADD CONSTRAINT "finding_research_questions_research_question_id_research_questions_id_fk" FOREIGN KEY ("research_question_id") REFERENCES "public"."research_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_research_questions" ADD CONSTRAINT "finding_research_questions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pseudonym_entries" ADD CONSTRAINT "pseudonym_entries_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pseudonym_entries" ADD CONSTRAINT "pseudonym_entries_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pseudonym_registers" ADD CONSTRAINT "pseudonym_registers_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pseudonym_registers" ADD CONSTRAINT "pseudonym_registers_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pseudonym_registers" ADD CONSTRAINT "pseudonym_registers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finding_episodes_episode_idx" ON "finding_episodes" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "findings_review_idx" ON "findings" USING btree ("review_id","number");--> statement-breakpoint
CREATE INDEX "pseudonym_entries_review_idx" ON "pseudonym_entries" USING btree ("review_id","position");