/*
 * Importing an existing asset register from CSV (RFC 4180, UTF-8 with or
 * without BOM, as Excel's "CSV UTF-8" writes it). The first row names the
 * columns in Japanese or English (資産名/name, 種別/type, 管理責任者/owner,
 * 機密区分/classification, 機密性/C, 完全性/I, 可用性/A, 保管場所/location,
 * クラウドサービス/cloud service, 保存期間/retention, 起算日/basis,
 * 起算日付/basis date, 備考/notes; the bilingual headers of our own export
 * too). Columns it does not know are ignored and listed.
 *
 * Every bad cell of every row is reported with its line and column; a file
 * with any error stores nothing, a clean one is stored in one transaction.
 */
#ifndef ISMS_ISMS_ASSET_IMPORT_H
#define ISMS_ISMS_ASSET_IMPORT_H

#include "isms/asset.h"
#include "isms/import_errors.h"
#include "util/csv_reader.h"

struct isms_store;
struct isms_actor;

#define ISMS_IMPORT_BYTES_MAX (64u << 20)
#define ISMS_IMPORT_ROWS_MAX 200000
#define ISMS_IMPORT_COLUMNS_MAX ISMS_CSV_COLUMNS_MAX

struct isms_asset_import {
    struct isms_asset_input *rows; /* strings point into row_text */
    char **row_text;
    const char **cloud_names; /* per row: the named cloud service, NULL for none */
    size_t *lines;
    size_t count;
    struct isms_import_errors errors;
    char ignored_columns[256]; /* headers not understood, comma-separated */
    size_t cloud_column;       /* 1-based column naming cloud services; 0: none */
    char cloud_header[64];
    int64_t first_id; /* after a successful import */
};

/* Parses and validates `data` without a store (cloud services are only
 * named). 0 when every row is good; ISMS_EINVALID when out->errors lists
 * problems (the thread's last error summarises them); ISMS_ETOOBIG past the
 * caps. Release *out in every case. */
int isms_asset_import_parse(struct isms_asset_import *out, const char *data, size_t len);

/* Parses `data`, resolves cloud service names against org `org_id`'s
 * register and stores every row in one transaction, journaled as `actor`'s
 * ("asset.import"). On ISMS_EINVALID nothing is stored and out->errors says
 * why. out->count is the number of assets imported. Release *out. */
int isms_asset_import(struct isms_asset_import *out, struct isms_store *store, int64_t org_id,
                      const char *data, size_t len, const struct isms_actor *actor);

void isms_asset_import_release(struct isms_asset_import *import);

#endif
