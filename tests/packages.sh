# Installs the Debian packages a test or benchmark script needs (sourced, not run):
#   install_missing PACKAGE...   nothing when none is given; as root apt-get installs them, otherwise
#                                it says which are missing and exits 1
install_missing() {
  [ $# -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: $* (run as root to install them)" >&2
    exit 1
  fi
  echo "== installing $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
