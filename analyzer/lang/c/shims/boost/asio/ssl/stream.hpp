// tlslint shim: <boost/asio/ssl/stream.hpp>.
#include <boost/asio/ssl.hpp>
