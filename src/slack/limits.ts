/**
 * Slack's documented Block Kit and view limits, one constant each with its source page. The
 * app's builders (fit.ts, render-*.ts) and the validator (block-limits.ts) share them.
 */

/** Where blocks are shown; each surface has its own block count limit. */
export type BlockSurface = "message" | "modal" | "home";

/** Max blocks in one message. Source: https://api.slack.com/reference/block-kit/blocks */
export const MESSAGE_BLOCKS_MAX = 50;
/** Max blocks in a modal view. Source: https://docs.slack.dev/reference/views/modal-views */
export const MODAL_BLOCKS_MAX = 100;
/** Max blocks in a Home tab view. Source: https://docs.slack.dev/reference/views/home-tab-views */
export const HOME_BLOCKS_MAX = 100;
/** Max length of a section block's `text`. Source: https://api.slack.com/reference/block-kit/blocks#section */
export const SECTION_TEXT_MAX = 3000;
/** Max number of a section block's `fields`. Source: https://api.slack.com/reference/block-kit/blocks#section */
export const SECTION_FIELDS_MAX = 10;
/** Max length of each section field's text. Source: https://api.slack.com/reference/block-kit/blocks#section */
export const SECTION_FIELD_TEXT_MAX = 2000;
/** Max length of a header block's plain_text. Source: https://api.slack.com/reference/block-kit/blocks#header */
export const HEADER_TEXT_MAX = 150;
/** Max elements in a context block. Source: https://api.slack.com/reference/block-kit/blocks#context */
export const CONTEXT_ELEMENTS_MAX = 10;
/** Max elements in an actions block. Source: https://api.slack.com/reference/block-kit/blocks#actions */
export const ACTIONS_ELEMENTS_MAX = 25;
/** Max length of any `block_id`. Source: https://api.slack.com/reference/block-kit/blocks */
export const BLOCK_ID_MAX = 255;
/** Max length of any `action_id`. Source: https://api.slack.com/reference/block-kit/block-elements */
export const ACTION_ID_MAX = 255;
/** Max length of a button's label. Source: https://api.slack.com/reference/block-kit/block-elements#button */
export const BUTTON_TEXT_MAX = 75;
/** Max length of a button's `value`. Source: https://api.slack.com/reference/block-kit/block-elements#button */
export const BUTTON_VALUE_MAX = 2000;
/** Max length of a button's `url`. Source: https://api.slack.com/reference/block-kit/block-elements#button */
export const BUTTON_URL_MAX = 3000;
/** Max length of a button's `accessibility_label`. Source: https://api.slack.com/reference/block-kit/block-elements#button */
export const BUTTON_ACCESSIBILITY_LABEL_MAX = 75;
/** Max length of an option's text. Source: https://api.slack.com/reference/block-kit/composition-objects#option */
export const OPTION_TEXT_MAX = 75;
/** Max length of an option's `value`. Source: https://api.slack.com/reference/block-kit/composition-objects#option */
export const OPTION_VALUE_MAX = 150;
/** Max options of a static select. Source: https://api.slack.com/reference/block-kit/block-elements#static_select */
export const SELECT_OPTIONS_MAX = 100;
/** Max options of radio buttons and checkboxes. Source: https://api.slack.com/reference/block-kit/block-elements#radio */
export const CHOICE_OPTIONS_MAX = 10;
/** Max length of an element's placeholder. Source: https://api.slack.com/reference/block-kit/block-elements */
export const PLACEHOLDER_MAX = 150;
/** Max length of an image's `image_url`. Source: https://api.slack.com/reference/block-kit/blocks#image */
export const IMAGE_URL_MAX = 3000;
/** Max length of an image's `alt_text`. Source: https://api.slack.com/reference/block-kit/blocks#image */
export const IMAGE_ALT_TEXT_MAX = 2000;
/** Max length of an image block's title. Source: https://api.slack.com/reference/block-kit/blocks#image */
export const IMAGE_TITLE_MAX = 2000;
/** Max length of an input block's label. Source: https://api.slack.com/reference/block-kit/blocks#input */
export const INPUT_LABEL_MAX = 2000;
/** Max length of an input block's hint. Source: https://api.slack.com/reference/block-kit/blocks#input */
export const INPUT_HINT_MAX = 2000;
/** Max length of a confirmation dialog's title. Source: https://api.slack.com/reference/block-kit/composition-objects#confirm */
export const CONFIRM_TITLE_MAX = 100;
/** Max length of a confirmation dialog's text. Source: https://api.slack.com/reference/block-kit/composition-objects#confirm */
export const CONFIRM_TEXT_MAX = 300;
/** Max length of a confirmation dialog's confirm/deny labels. Source: https://api.slack.com/reference/block-kit/composition-objects#confirm */
export const CONFIRM_BUTTON_MAX = 30;
/** Max length of a modal's title. Source: https://docs.slack.dev/reference/views/modal-views */
export const MODAL_TITLE_MAX = 24;
/** Max length of a modal's submit and close labels. Source: https://docs.slack.dev/reference/views/modal-views */
export const MODAL_BUTTON_TEXT_MAX = 24;
/** Max length of a view's `private_metadata`. Source: https://docs.slack.dev/reference/views/modal-views */
export const PRIVATE_METADATA_MAX = 3000;
/** Max length of a view's `callback_id`. Source: https://docs.slack.dev/reference/views/modal-views */
export const CALLBACK_ID_MAX = 255;
/** Max length of a view's `external_id` (Slack states none; the same as callback_id here). */
export const EXTERNAL_ID_MAX = 255;
/**
 * Max length of a message's top-level `text`: Slack truncates longer text and answers
 * `msg_too_long` for far longer text; the emulator rejects anything past this.
 * Source: https://api.slack.com/changelog/2018-04-truncating-really-long-messages
 */
export const MESSAGE_TEXT_MAX = 40000;

/** Block types this project uses and the validator knows. Source: https://api.slack.com/reference/block-kit/blocks */
export const KNOWN_BLOCK_TYPES = [
  "section",
  "header",
  "divider",
  "context",
  "actions",
  "image",
  "rich_text",
  "input",
] as const;
