#include "isms_setup.h"
#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>
#include "sec/random.h"
#include "sec/secret_key.h"
#include "util/error.h"
#include "util/hex.h"

static struct isms_secret_key installed;
static bool have_key;

void isms_secret_key_install(const struct isms_secret_key *key)
{
    have_key = key != NULL;
    if (key)
        installed = *key;
    else
        OPENSSL_cleanse(&installed, sizeof(installed));
}

const struct isms_secret_key *isms_secret_key_current(void)
{
    return have_key ? &installed : NULL;
}

static int parse_hex_key(struct isms_secret_key *out, const char *hex)
{
    if (strlen(hex) != 2 * ISMS_SECRET_KEY_BYTES)
        goto bad;
    for (size_t i = 0; i < ISMS_SECRET_KEY_BYTES; i++) {
        int hi = isms_hex_digit(hex[2 * i]), lo = hi < 0 ? -1 : isms_hex_digit(hex[2 * i + 1]);
        if (lo < 0)
            goto bad;
        out->bytes[i] = (unsigned char)(hi << 4 | lo);
    }
    return 0;
bad:
    return isms_error_set(ISMS_EINVALID, "$%s must be %d hex digits (%d random bytes)",
                          ISMS_SECRET_KEY_ENV, 2 * ISMS_SECRET_KEY_BYTES, ISMS_SECRET_KEY_BYTES);
}

/* Writes a fresh key to `path`, which must not exist yet (O_EXCL: two
 * processes starting at once do not overwrite each other's key). */
static int create_key_file(struct isms_secret_key *out, const char *path)
{
    int fd, error;
    ssize_t n;

    if ((error = isms_random_bytes(out->bytes, sizeof(out->bytes))) < 0)
        return error;
    if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
        return errno == EEXIST ? 1
                               : isms_error_set(ISMS_ERROR, "cannot create the key file '%s': %s",
                                                path, strerror(errno));
    n = write(fd, out->bytes, sizeof(out->bytes));
    if (close(fd) != 0 || n != (ssize_t)sizeof(out->bytes)) {
        unlink(path);
        return isms_error_set(ISMS_ERROR, "cannot write the key file '%s'", path);
    }
    return 0;
}

static int read_key_file(struct isms_secret_key *out, const char *path)
{
    struct stat st;
    ssize_t n;
    int fd;

    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        return errno == ENOENT ? 1
                               : isms_error_set(ISMS_ERROR, "cannot open the key file '%s': %s",
                                                path, strerror(errno));
    if (fstat(fd, &st) != 0 || (st.st_mode & 077) || st.st_size != ISMS_SECRET_KEY_BYTES) {
        close(fd);
        return isms_error_set(ISMS_EINVALID,
                              "the key file '%s' must be %d bytes, readable by its owner only "
                              "(chmod 600)",
                              path, ISMS_SECRET_KEY_BYTES);
    }
    n = read(fd, out->bytes, sizeof(out->bytes));
    close(fd);
    if (n != (ssize_t)sizeof(out->bytes))
        return isms_error_set(ISMS_ERROR, "cannot read the key file '%s'", path);
    return 0;
}

int isms_secret_key_load(struct isms_secret_key *out, const char *db_path)
{
    const char *env = getenv(ISMS_SECRET_KEY_ENV);
    char path[4096];
    int error;

    if (env && *env)
        return parse_hex_key(out, env);
    if (strncmp(db_path, "sqlite:", 7) == 0)
        db_path += 7;
    if ((size_t)snprintf(path, sizeof(path), "%s%s", db_path, ISMS_SECRET_KEY_SUFFIX) >=
        sizeof(path))
        return isms_error_set(ISMS_EINVALID, "the database path is too long");
    /* Read, else create; if another process created it in between, read it. */
    for (int attempt = 0; attempt < 2; attempt++) {
        if ((error = read_key_file(out, path)) <= 0 || (error = create_key_file(out, path)) <= 0)
            return error;
    }
    return isms_error_set(ISMS_ERROR, "cannot create or read the key file '%s'", path);
}
