// tlslint shim: <boost/asio.hpp>.
#include <boost/asio/ssl.hpp>
